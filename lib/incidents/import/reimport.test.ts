import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { computeEmbed, parseEmbedSpec } from "../embeds";
import { commitImport } from "./commit-import";
import { parseImportFile } from "./parse-import";
import { bytesSource } from "./read-file";

withTestDatabase("incidents_reimport");

const ACLED = readFileSync(path.join(__dirname, "../fixtures/acled-mali-sample.csv"), "utf8");
const meta = {
  fileName: "acled.csv",
  fileSize: 1,
  datasetVersion: null,
  accessDate: new Date("2026-11-20"),
};
const parse = (text: string) => parseImportFile(bytesSource(text), { expected: "ACLED" });

describe("ACLED re-import", () => {
  it("updates changed rows, records what changed and keeps the previous values", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR"]);
    expect(await commitImport(members.EDITOR, await parse(ACLED), meta)).toMatchObject({
      inserted: 5,
    });
    const revised = ACLED.replace(
      'Three soldiers were killed.",3,',
      'Three soldiers were killed.",4,',
    );
    expect(revised).not.toBe(ACLED);
    const second = await commitImport(members.EDITOR, await parse(revised), meta);
    expect(second).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
    const melgue = await db.incident.findFirstOrThrow({
      where: { workspaceId, externalId: "MLI90001" },
      include: { revisions: true },
    });
    expect(melgue.fatalitiesBest).toBe(4);
    expect(melgue.importBatchId).toBe(second.batchId);
    // Embeds whose rows changed say so; the others do not.
    const nioro = await computeEmbed(
      members.EDITOR,
      parseEmbedSpec({ kind: "figure", filter: { admin2: "Nioro" } }),
    );
    expect(nioro).toMatchObject({ value: 1, changedRows: 1 });
    const gao = await computeEmbed(
      members.EDITOR,
      parseEmbedSpec({ kind: "figure", filter: { admin1: "Gao" } }),
    );
    expect(gao).toMatchObject({ value: 1, changedRows: 0 });
    expect(melgue.revisions).toMatchObject([
      {
        changedFields: ["fatalitiesBest"],
        previous: { fatalitiesBest: 3 },
        importBatchId: second.batchId,
      },
    ]);
  });

  it("refuses a file with rejected rows unless asked to skip them, and then imports the rest", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR"]);
    const broken = ACLED.replace("MLI90004,2021-06-08", "MLI90004,2021-06-31");
    const parsed = await parse(broken);
    expect(parsed.rejected).toBe(1);
    await expect(commitImport(members.EDITOR, parsed, meta)).rejects.toMatchObject({
      code: "importHasErrors",
      values: { count: 1 },
    });
    expect(await db.incident.count({ where: { workspaceId } })).toBe(0);
    expect(await db.importBatch.count({ where: { workspaceId } })).toBe(0);
    const done = await commitImport(members.EDITOR, parsed, meta, { skipRejected: true });
    expect(done).toMatchObject({ inserted: 4, rejected: 1 });
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: done.batchId! } });
    expect(batch.errors).toEqual([
      { line: 6, column: "event_date", reason: '"2021-06-31" is not a real date' },
    ]);
  });

  it("rolls the whole batch back when writing fails halfway", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR"]);
    const parsed = await parse(ACLED);
    // A value PostgreSQL refuses (NUL byte in text) on the last row: the first rows were
    // already written in the same transaction and must disappear with it.
    parsed.rows.at(-1)!.description = "bad\u0000byte";
    await expect(commitImport(members.EDITOR, parsed, meta)).rejects.toThrow();
    expect(await db.incident.count({ where: { workspaceId } })).toBe(0);
    expect(await db.importBatch.count({ where: { workspaceId } })).toBe(0);
  });
});
