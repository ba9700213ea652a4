import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { domainCode as code } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { findBatchErrors, listImportBatches } from "./import-batches";

withTestDatabase("import_batches");

let members: Record<Role, Member>;
let outsider: Member;
let batchId: string;

beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR"]));
  outsider = (await workspaceWith(["ADMIN"])).members.ADMIN;
  ({ id: batchId } = await db.importBatch.create({
    data: {
      workspaceId: members.EDITOR.workspaceId,
      dataset: "UCDP_GED",
      fileName: "kayes.csv",
      fileSize: 120,
      encoding: "utf-8",
      accessDate: new Date("2026-06-01"),
      createdById: members.EDITOR.userId,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      errors: [{ line: 4, column: "date_start", reason: "not a date" }],
    },
    select: { id: true },
  }));
});

describe("import batches", () => {
  it("lists the workspace's batches for those who import", async () => {
    const batches = await listImportBatches(members.EDITOR);
    expect(batches.map((b) => [b.id, b.fileName, b.rejected])).toEqual([[batchId, "kayes.csv", 1]]);
    expect(await code(listImportBatches(members.VIEWER))).toBe("forbidden");
    expect(await listImportBatches({ ...outsider, role: "EDITOR" })).toEqual([]);
  });

  it("gives a batch's row errors to members of its workspace only", async () => {
    expect(await findBatchErrors(members.VIEWER, batchId)).toEqual({
      fileName: "kayes.csv",
      errors: [{ line: 4, column: "date_start", reason: "not a date" }],
    });
    expect(await code(findBatchErrors(outsider, batchId))).toBe("notFound");
    expect(await code(findBatchErrors(members.VIEWER, "not-a-batch"))).toBe("notFound");
  });
});
