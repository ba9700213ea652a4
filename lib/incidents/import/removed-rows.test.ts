import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { citedIncidents, computeEmbed, parseEmbedSpec } from "../embeds";
import { incidentTotals, listIncidents } from "../queries";
import { listParamsSchema } from "../query-schema";
import { getIncidentDetail } from "../service";
import { commitImport, previewImport } from "./commit-import";
import { compareVersions } from "./removed-rows";
import { parseImportFile } from "./parse-import";
import { bytesSource } from "./read-file";

withTestDatabase("incidents_removed");

const ACLED = readFileSync(path.join(__dirname, "../fixtures/acled-mali-sample.csv"), "utf8");
const meta = (datasetVersion: string | null) => ({
  fileName: `acled-${datasetVersion}.csv`,
  fileSize: 1,
  datasetVersion,
  accessDate: new Date("2026-11-20"),
});
const parse = (text: string) => parseImportFile(bytesSource(text), { expected: "ACLED" });
/** The sample without the rows whose id is given. */
const without = (...ids: string[]) =>
  ACLED.split("\n")
    .filter((line) => !ids.some((id) => line.startsWith(`${id},`)))
    .join("\n");
const nioro = parseEmbedSpec({ kind: "figure", filter: { admin2: "Nioro" } });

describe("rows a re-import no longer contains", () => {
  it("compares dataset releases numerically", () => {
    expect(compareVersions("26.0.7", "26.0.10")).toBe(-1);
    expect(compareVersions("26.1", "26.0.10")).toBe(1);
    expect(compareVersions("26.0", "26.0.0")).toBe(0);
    expect(compareVersions(null, null)).toBe(0);
    expect(compareVersions(null, "26.0.7")).toBeNull();
    expect(compareVersions("beta", "26.0.7")).toBeNull();
  });

  it("marks them removed, leaves them out of lists and embeds, flags the embeds, and restores them", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR", "VIEWER"]);
    await commitImport(members.EDITOR, await parse(ACLED), meta(null));
    expect(await computeEmbed(members.VIEWER, nioro)).toMatchObject({ value: 1, removedRows: 0 });
    // MLI90001 (Nioro, 2024-02) is gone from the new file; MLI90005 (2024-07) too, but it is
    // after the file's last date, so the file says nothing about it.
    const partial = await parse(without("MLI90001", "MLI90005"));
    expect(
      await previewImport(members.EDITOR, partial, db, { datasetVersion: null }),
    ).toMatchObject({ removed: 1, unchanged: 3 });
    const second = await commitImport(members.EDITOR, partial, meta(null));
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, removed: 1 });
    const melgue = await db.incident.findFirstOrThrow({
      where: { workspaceId, externalId: "MLI90001" },
    });
    expect(melgue.removedAt).not.toBeNull();
    expect(melgue.removedInBatchId).toBe(second.batchId);
    expect(
      await db.incident.count({ where: { workspaceId, externalId: "MLI90005", removedAt: null } }),
    ).toBe(1);
    expect(
      (await db.importBatch.findUniqueOrThrow({ where: { id: second.batchId! } })).removed,
    ).toBe(1);

    // Left out of lists, totals and embeds; the embed says rows behind it were removed.
    const list = await listIncidents(members.VIEWER, listParamsSchema.parse({}));
    expect(list.rows.map((r) => r.externalId)).not.toContain("MLI90001");
    expect(list.total).toBe(4);
    expect(await incidentTotals(members.VIEWER, { admin2: "Nioro" })).toMatchObject({ count: 0 });
    expect(await computeEmbed(members.VIEWER, nioro)).toMatchObject({
      value: 0,
      removedRows: 1,
      changedRows: 0,
    });
    // Citations still resolve, and say the row was removed; the detail page tells when.
    const [cited] = await citedIncidents(members.VIEWER, [melgue.id]);
    expect(cited).toMatchObject({
      externalId: "MLI90001",
      removedAt: melgue.removedAt!.toISOString(),
    });
    const detail = await getIncidentDetail(members.VIEWER, melgue.id);
    expect(detail?.removedInBatch?.fileName).toBe("acled-null.csv");
    expect(detail?.revisions[0]).toMatchObject({ changedFields: ["removedAt"] });

    // Back in a later file: live again, counted as updated, no longer flagged.
    const third = await commitImport(members.EDITOR, await parse(ACLED), meta(null));
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 4, removed: 0 });
    expect(await computeEmbed(members.VIEWER, nioro)).toMatchObject({ value: 1, removedRows: 0 });
    expect(
      (await db.incident.findUniqueOrThrow({ where: { id: melgue.id } })).removedAt,
    ).toBeNull();
  });

  it("removes rows only for the same or a newer release, never for an older one", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR"]);
    await commitImport(members.EDITOR, await parse(ACLED), meta("26.0.7"));
    const partial = without("MLI90001");
    expect(await commitImport(members.EDITOR, await parse(partial), meta("26.0.6"))).toMatchObject({
      removed: 0,
    });
    expect(await commitImport(members.EDITOR, await parse(partial), meta("26.0.10"))).toMatchObject(
      { removed: 1 },
    );
    expect(await db.incident.count({ where: { workspaceId, removedAt: { not: null } } })).toBe(1);
  });

  it("never removes in-house rows", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR"]);
    await db.incident.create({
      data: {
        workspaceId,
        dataset: "INHOUSE",
        externalId: "IH-1",
        dateStart: new Date("2024-01-01"),
        dateEnd: new Date("2024-01-01"),
        yearMonth: 202401,
        eventType: "Battles",
        contentHash: "x",
        searchText: "",
      },
    });
    await commitImport(members.EDITOR, await parse(ACLED), meta(null));
    await commitImport(members.EDITOR, await parse(without("MLI90001")), meta(null));
    expect(
      await db.incident.count({ where: { workspaceId, dataset: "INHOUSE", removedAt: null } }),
    ).toBe(1);
  });
});
