import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { workspaceWith } from "@/lib/test/factories";
import { commitImport, previewImport } from "./commit-import";
import { parseImportFile } from "./parse-import";
import { fileSource } from "./read-file";

withTestDatabase("incidents_ucdp");

const SAMPLE = path.join(__dirname, "../fixtures/ucdp-ged-candidate-26.0.7-mali-sample.csv");
const meta = {
  fileName: "ucdp-ged-candidate-26.0.7-mali-sample.csv",
  fileSize: 8265,
  datasetVersion: "26.0.7",
  accessDate: new Date("2026-11-20"),
};
const parseSample = () => parseImportFile(fileSource(SAMPLE, 1024), { expected: "UCDP_GED" });

describe("UCDP GED import of the real candidate sample", () => {
  it("parses all 12 rows, with quoted line breaks, doubled quotes and empty fields", async () => {
    const parsed = await parseSample();
    expect(parsed).toMatchObject({ dataset: "UCDP_GED", encoding: "utf-8", totalRows: 12 });
    expect(parsed.rejected).toBe(0);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.externalId)).toEqual([
      "636520",
      "636664",
      "636592",
      "636798",
      "636551",
      "636561",
      "637086",
      "636897",
      "636636",
      "636987",
      "636495",
      "636859",
    ]);
  });

  it("imports every row with exactly the values of the file, and a re-import changes nothing", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR"]);
    const editor = members.EDITOR;
    const preview = await previewImport(editor, await parseSample());
    expect(preview).toMatchObject({ batchId: null, inserted: 12, updated: 0, unchanged: 0 });
    expect(await db.incident.count({ where: { workspaceId } })).toBe(0);

    const first = await commitImport(editor, await parseSample(), meta);
    expect(first).toMatchObject({ inserted: 12, updated: 0, unchanged: 0, rejected: 0 });

    // Checked by hand against the CSV.
    const sandare = await db.incident.findUniqueOrThrow({
      where: {
        workspaceId_dataset_externalId: { workspaceId, dataset: "UCDP_GED", externalId: "636520" },
      },
    });
    expect(sandare).toMatchObject({
      datasetVersion: "26.0.7",
      dateStart: new Date("2026-07-07T00:00:00Z"),
      dateEnd: new Date("2026-07-07T00:00:00Z"),
      yearMonth: 202607,
      datePrecision: 1,
      eventType: "state-based",
      sideA: "Government of Mali",
      sideB: "JNIM",
      country: "Mali",
      admin1: "Kayes region",
      admin2: "Nioro cercle",
      placeName: "Sandare village",
      description: "Sandaré",
      latitude: 14.703479,
      longitude: -10.305606,
      geoPrecision: 1,
      fatalitiesBest: 1,
      fatalitiesLow: 1,
      fatalitiesHigh: 1,
      civilianDeaths: 0,
      numberOfSources: 2,
      clarity: 1,
    });
    expect(sandare.sourceText).toBe(
      '"@Intelligency225,2026-07-08,#Mali 🇲🇱  ";"@BrantPhilip_,2026-07-07,JNIM claims "',
    );
    const raw = await db.incidentRaw.findUniqueOrThrow({ where: { incidentId: sandare.id } });
    expect(Object.keys(raw.raw as object)).toHaveLength(49);
    expect((raw.raw as Record<string, string>).gwnob).toBe("");
    expect((raw.raw as Record<string, string>).priogrid_gid).toBe("150820");
    const actors = await db.actor.findMany({
      where: { id: { in: sandare.actorIds } },
      select: { name: true },
    });
    expect(actors.map((a) => a.name).sort()).toEqual(["Government of Mali", "JNIM"]);

    const rows = await db.incident.findMany({
      where: { workspaceId },
      orderBy: { externalId: "asc" },
    });
    const byId = Object.fromEntries(rows.map((r) => [r.externalId, r]));
    // Multi-day event, empty adm_2.
    expect(byId["636664"]).toMatchObject({
      dateStart: new Date("2026-07-07T00:00:00Z"),
      dateEnd: new Date("2026-07-08T00:00:00Z"),
      datePrecision: 2,
      admin2: null,
      fatalitiesBest: 0,
      fatalitiesHigh: 1,
    });
    // Empty adm_1 and adm_2 (country-level location).
    expect(byId["637086"]).toMatchObject({ admin1: null, admin2: null, placeName: "Mali" });
    // best 9 between low 2 and high 9, 9 civilians.
    expect(byId["636897"]).toMatchObject({
      fatalitiesBest: 9,
      fatalitiesLow: 2,
      fatalitiesHigh: 9,
      civilianDeaths: 9,
    });
    // One-sided violence, two actors on side A, a non-ASCII place name.
    expect(byId["636987"]).toMatchObject({
      eventType: "one-sided",
      sideA: "Government of Mali, Government of Russia (Soviet Union)",
      sideB: "Civilians",
      placeName: "Koïma village",
    });
    expect(byId["636636"]).toMatchObject({ eventType: "non-state", sideA: "Dozos (Mali)" });
    expect(rows.reduce((n, r) => n + r.fatalitiesBest, 0)).toBe(26);

    const again = await commitImport(editor, await parseSample(), meta);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 12 });
    const after = await db.incident.findMany({
      where: { workspaceId },
      orderBy: { externalId: "asc" },
    });
    expect(after.map((r) => r.updatedAt.getTime())).toEqual(rows.map((r) => r.updatedAt.getTime()));
    expect(await db.incidentRevision.count()).toBe(0);
    expect(await db.importBatch.count({ where: { workspaceId } })).toBe(2);
  });

  it("refuses a viewer", async () => {
    const { members } = await workspaceWith(["VIEWER"]);
    await expect(commitImport(members.VIEWER, await parseSample(), meta)).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
