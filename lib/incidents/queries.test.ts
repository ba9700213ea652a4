import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/policy/can";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { computeEmbed, parseEmbedSpec } from "./embeds";
import { exportIncidentsCsv } from "./export";
import { commitImport } from "./import/commit-import";
import { parseImportFile } from "./import/parse-import";
import { fileSource } from "./import/read-file";
import { incidentSeries, listIncidents } from "./queries";
import { listParamsSchema } from "./query-schema";
import { listSavedQueries, saveQuery } from "./saved-queries";

withTestDatabase("incidents_queries");

const FIXTURES = path.join(__dirname, "fixtures");
let viewer: Member;
let other: Member;

beforeAll(async () => {
  const ws = await workspaceWith(["EDITOR", "VIEWER"]);
  viewer = ws.members.VIEWER;
  other = (await workspaceWith(["VIEWER"])).members.VIEWER;
  const meta = { fileSize: 1, datasetVersion: null, accessDate: new Date("2026-11-20") };
  for (const [file, expected] of [
    ["ucdp-ged-candidate-26.0.7-mali-sample.csv", "UCDP_GED"],
    ["acled-mali-sample.csv", "ACLED"],
  ] as const) {
    const parsed = await parseImportFile(fileSource(path.join(FIXTURES, file)), { expected });
    await commitImport(ws.members.EDITOR, parsed, { ...meta, fileName: file });
  }
});

const list = (member: Member, filter: Record<string, unknown>) =>
  listIncidents(member, listParamsSchema.parse(filter));
const ids = async (filter: Record<string, unknown>) =>
  (await list(viewer, { ...filter, sort: "date", dir: "asc" })).rows
    .map((r) => r.externalId)
    .sort();

describe("incident queries", () => {
  it("counts and totals fatalities for a filter, across both datasets", async () => {
    const all = await list(viewer, {});
    expect(all.total).toBe(17);
    expect(all.fatalities).toBe(26 + 16);
    const kayes = await list(viewer, { admin1: "Kayes" });
    expect(kayes.total).toBe(4 + 4); // GED "Kayes region" + ACLED "Kayes"
  });

  it("finds the same region by its French and Arabic names", async () => {
    const en = await ids({ admin1: "Kayes" });
    expect(await ids({ admin1: "Région de Kayes" })).toEqual(en);
    expect(await ids({ admin1: "كاي" })).toEqual(en);
  });

  it("finds JNIM by any alias, in the actor filter and in free text", async () => {
    const jnim = await ids({ actor: "JNIM" });
    expect(jnim).toHaveLength(10 + 3);
    expect(await ids({ actor: "GSIM" })).toEqual(jnim);
    expect(await ids({ actor: "جماعة نصرة الإسلام والمسلمين" })).toEqual(jnim);
    expect(await ids({ q: "نصرة الإسلام" })).toEqual(jnim);
    expect(await ids({ q: "Jama'at Nusrat" })).toEqual(jnim);
  });

  it("filters by dates, dataset, fatalities and place, and ignores diacritics in free text", async () => {
    expect(await ids({ from: "2024-01-01", to: "2024-12-31", dataset: "ACLED" })).toEqual([
      "MLI90001",
      "MLI90002",
      "MLI90005",
    ]);
    expect(await ids({ minFatalities: 8 })).toEqual(["636561", "636897", "MLI90005"]);
    expect(await ids({ q: "Koima" })).toEqual(["636987"]);
    expect(await ids({ place: "melgue" })).toEqual(["MLI90001"]);
  });

  it("sorts and pages", async () => {
    const byFatalities = await list(viewer, { sort: "fatalities", dir: "desc" });
    expect(byFatalities.rows[0]!.externalId).toBe("MLI90005");
    expect((await list(viewer, { page: 2 })).rows).toEqual([]);
  });

  it("aggregates per year and per month, filling empty periods", async () => {
    const years = await incidentSeries(viewer, { admin1: "Kayes" }, "year");
    expect(years).toEqual([
      { period: "2021", count: 1, fatalities: 0 },
      { period: "2022", count: 0, fatalities: 0 },
      { period: "2023", count: 1, fatalities: 0 },
      { period: "2024", count: 2, fatalities: 4 },
      { period: "2025", count: 0, fatalities: 0 },
      { period: "2026", count: 4, fatalities: 2 },
    ]);
    const months = await incidentSeries(viewer, { dataset: "ACLED", from: "2024-01-01" }, "month");
    expect(months.map((m) => m.period)).toEqual([
      "2024-02",
      "2024-03",
      "2024-04",
      "2024-05",
      "2024-06",
      "2024-07",
    ]);
  });

  it("computes embeds from their stored query", async () => {
    const figure = await computeEmbed(
      viewer,
      parseEmbedSpec(
        JSON.stringify({
          kind: "figure",
          filter: { admin1: "Kayes", actor: "JNIM", from: "2024-01-01", to: "2024-12-31" },
        }),
      ),
    );
    expect(figure).toMatchObject({ kind: "figure", value: 2 });
    const ratio = await computeEmbed(
      viewer,
      parseEmbedSpec({
        kind: "figure",
        filter: { admin1: "Kayes", from: "2024-01-01" },
        baseline: { admin1: "Kayes", to: "2021-12-31" },
      }),
    );
    expect(ratio).toMatchObject({ value: 6, baseline: 1, ratio: 6 });
    const table = await computeEmbed(
      viewer,
      parseEmbedSpec({ kind: "table", filter: { admin1: "Kayes" }, limit: 3 }),
    );
    expect(table).toMatchObject({ kind: "table", count: 8 });
    if (table.kind === "table")
      expect(table.rows.map((r) => r.externalId)).toEqual(["636798", "636592", "636520"]);
    expect(() => parseEmbedSpec("{not json")).toThrow();
  });

  it("exports the filtered rows as CSV", async () => {
    let csv = "";
    for await (const chunk of exportIncidentsCsv(viewer, { dataset: "ACLED", admin2: "Diema" }))
      csv += chunk;
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ACLED,MLI90002,,2024-03-02,/);
  });

  it("saves queries, and shows nothing to another workspace", async () => {
    await saveQuery(viewer, {
      name: "Kayes JNIM",
      filter: { admin1: "Kayes", actor: "JNIM", q: "" },
    });
    expect(await listSavedQueries(viewer)).toMatchObject([
      { name: "Kayes JNIM", query: { admin1: "Kayes", actor: "JNIM" } },
    ]);
    expect((await list(other, {})).total).toBe(0);
    expect(await listSavedQueries(other)).toEqual([]);
  });
});
