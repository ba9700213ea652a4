/**
 * Map benchmark (`npm run bench -- maps`): 100k generated ACLED-format incidents imported
 * through the real importer (1 % without coordinates, 1 % at (0, 0), 0.2 % out of range),
 * then the map's data as the browser asks for it (lib/incidents/map/map-grid.ts: aggregated
 * by the database per grid cell at the view's resolution) for the country view, the Kayes
 * view and a zoomed view, the change map's per-region counts, and the frozen SVG
 * (renderIncidentMap) over a brief's rows and over large sets. Writes bench/results/maps.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "../../lib/db";
import { commitImport } from "../../lib/incidents/import/commit-import";
import { parseImportFile } from "../../lib/incidents/import/parse-import";
import { bytesSource } from "../../lib/incidents/import/read-file";
import { mapGrid } from "../../lib/incidents/map/map-grid";
import { mapIncidents } from "../../lib/incidents/map/map-rows";
import { regionChange } from "../../lib/incidents/map/region-change";
import { renderIncidentMap, type MapLabels } from "../../lib/incidents/map/render-svg";
import { ucdpSampleRows } from "../../lib/incidents/map/test-rows";
import { mapView } from "../../lib/incidents/map/views";
import { incidentTotals } from "../../lib/incidents/queries";
import type { IncidentFilter } from "../../lib/incidents/query-schema";
import type { Member } from "../../lib/policy/can";
import { ms, percentile } from "../collab/stats";
import { generateAcledCsv } from "../incidents/generate";

const ROWS = Number(process.env.BENCH_INCIDENT_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 100);
const RENDER_RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 20);

async function time<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

async function measure(work: () => unknown, runs = RUNS): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await work(); // warm-up: plans cached, pages in memory
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await time(work))[0]);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const LABELS: MapLabels = {
  title: "Incident map",
  countries: {
    MLI: "Mali",
    MRT: "Mauritania",
    SEN: "Senegal",
    GIN: "Guinea",
    BFA: "Burkina Faso",
    NER: "Niger",
    DZA: "Algeria",
    CIV: "Côte d'Ivoire",
  },
  precision: {
    exact: "exact location",
    near: "within about 25 km",
    district: "located to the cercle",
    region: "located to the region",
    wide: "located to a wider area",
    country: "located to the country",
    international: "international waters or airspace",
    unknown: "precision not stated",
  },
  fatalities: (n) => `${n} fatalities`,
  incidents: (n) => `${n} incidents`,
  legendPoint: "Located to a place",
  legendCentroid: "Located to an area",
  legendCluster: "Several incidents",
  boundaries: "Borders",
  data: "Data",
  formatDate: (d) => d.toISOString().slice(0, 10),
  zoomIn: "Click to zoom in",
};
const CREDITS = ["ACLED (acleddata.com)", "UCDP Candidate Events Dataset (CC BY 4.0)"];

async function main() {
  const { createTestDatabase } = await import("../../lib/db/test-database");
  const database = await createTestDatabase("bench-maps");
  process.env.DATABASE_URL = database.url;
  try {
    const workspace = await db.workspace.create({
      data: { slug: "bench-maps", name: "Bench" },
      select: { id: true },
    });
    const user = await db.user.create({
      data: { email: "bench@maps.test", name: "Bench" },
      select: { id: true },
    });
    await db.membership.create({
      data: { workspaceId: workspace.id, userId: user.id, role: "EDITOR" },
    });
    const member: Member = { userId: user.id, workspaceId: workspace.id, role: "EDITOR" };

    const csv = new TextEncoder().encode(generateAcledCsv(ROWS));
    const meta = {
      fileName: "bench.csv",
      fileSize: csv.byteLength,
      datasetVersion: null,
      accessDate: new Date(),
    };
    const [importMs] = await time(async () =>
      commitImport(member, await parseImportFile(bytesSource(csv), { expected: "ACLED" }), meta),
    );
    // Bad coordinates, as real files have them: none, (0, 0), out of range.
    await db.$executeRawUnsafe(`
      UPDATE incidents SET
        latitude = CASE WHEN n % 100 = 0 THEN NULL WHEN n % 100 = 1 THEN 0 ELSE 95 END,
        longitude = CASE WHEN n % 100 = 0 THEN NULL WHEN n % 100 = 1 THEN 0 ELSE longitude END
      FROM (SELECT id AS rid, substr(external_id, 4)::int AS n FROM incidents) AS numbered
      WHERE incidents.id = rid AND (n % 100 IN (0, 1) OR n % 500 = 2)`);
    await db.$executeRawUnsafe("VACUUM ANALYZE incidents");

    const country = mapView({});
    const kayes = mapView({ view: "kayes" });
    const zoom = mapView({ view: "zoom", at: "-10.5,14.2,1.5" });
    const kayesJnim: IncidentFilter = {
      admin1: "Kayes",
      actor: "JNIM",
      from: "2021-01-01",
      to: "2024-12-31",
    };
    const queries: [string, () => Promise<unknown>][] = [
      ["Country view, every row (target p95 ≤ 50 ms)", () => mapGrid(member, {}, country)],
      ["Kayes region view, every row (target p95 ≤ 30 ms)", () => mapGrid(member, {}, kayes)],
      ["Country view, Kayes + JNIM + 2021–2024", () => mapGrid(member, kayesJnim, country)],
      [
        "Kayes view, 2024 only",
        () => mapGrid(member, { from: "2024-01-01", to: "2024-12-31" }, kayes),
      ],
      ["Zoomed view (1.5° around Kayes town)", () => mapGrid(member, {}, zoom)],
      [
        "Change by region, 2021 against 2024 (every row)",
        () =>
          regionChange(
            member,
            {},
            {
              a: { from: "2021-01-01", to: "2021-12-31" },
              b: { from: "2024-01-01", to: "2024-12-31" },
            },
          ),
      ],
      [
        "For comparison: reading the rows instead (mapIncidents, up to 100k)",
        () => mapIncidents(member, {}),
      ],
    ];
    const queryLines: string[] = [];
    for (const [label, work] of queries) {
      const runs = label.startsWith("For comparison") ? 10 : RUNS;
      const { p50, p95 } = await measure(work, runs);
      queryLines.push(`| ${label} | ${ms(p50)} | ${ms(p95)} |`);
      console.log(label, ms(p50), ms(p95));
    }

    const grid = await mapGrid(member, {}, country);
    const kayesGrid = await mapGrid(member, {}, kayes);
    const marks = (g: typeof grid) =>
      g.layout.points.length + g.layout.clusters.length + g.layout.centroids.length;
    const sample = await ucdpSampleRows();
    const brief = (
      await mapIncidents(member, { ...kayesJnim, from: "2024-06-01", to: "2024-06-30" })
    ).rows;
    const kayesYear = (
      await mapIncidents(member, { admin1: "Kayes", from: "2024-01-01", to: "2024-12-31" })
    ).rows;
    const all = (await mapIncidents(member, {})).rows;
    const render = (rows: typeof all) => () =>
      renderIncidentMap({ rows, labels: LABELS, detailBase: "/w/x/incidents", credits: CREDITS });
    const renders: [string, () => { svg: string }][] = [
      [`The demo brief's map: the UCDP sample (${sample.length} rows)`, render(sample)],
      [`A brief's map: Kayes + JNIM, June 2024 (${brief.length} rows)`, render(brief)],
      [
        `A large brief map: Kayes, 2024 (${kayesYear.length.toLocaleString("en")} rows)`,
        render(kayesYear),
      ],
      [
        `Every row, laid out by the renderer (${all.length.toLocaleString("en")} rows)`,
        render(all),
      ],
      [
        `The page's map: the country view's aggregated marks (${marks(grid)} marks)`,
        () =>
          renderIncidentMap({
            rows: [],
            layout: grid.layout,
            labels: LABELS,
            detailBase: "/w/x/incidents",
            credits: CREDITS,
          }),
      ],
    ];
    const renderLines: string[] = [];
    for (const [label, work] of renders) {
      const { p50, p95 } = await measure(work, RENDER_RUNS);
      const size = work().svg.length;
      renderLines.push(`| ${label} | ${ms(p50)} | ${ms(p95)} | ${(size / 1024).toFixed(0)} KB |`);
      console.log(label, ms(p50), ms(p95), size);
    }
    const totals = await incidentTotals(member, {});
    const nm = Object.values(grid.notMappedCounts).reduce((a, b) => a + b, 0);

    const lines = [
      "## Incident map: aggregated map data and SVG rendering",
      "",
      `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL via \`${database.embedded ? "embedded PostgreSQL 17" : "TEST_DATABASE_URL / 127.0.0.1:5432"}\`.`,
      `${totals.count.toLocaleString("en")} generated ACLED-format incidents (bench/incidents/generate.ts, imported in ${ms(importMs, 0)}), one workspace; ${nm.toLocaleString("en")} of them with no, (0, 0) or out-of-range coordinates. Queries go through lib/incidents/map (Prisma 7 + adapter-pg, one \`$queryRaw\` GROUP BY per map), ${RUNS} runs each after 5 warm-up runs; renders ${RENDER_RUNS} runs each.`,
      "",
      "### Map data (targets: country view p95 ≤ 50 ms, region view p95 ≤ 30 ms)",
      "",
      "| query | p50 | p95 |",
      "| --- | --- | --- |",
      ...queryLines,
      "",
      `The country view of every row comes back as ${marks(grid)} marks (${grid.layout.points.length} single rows, ${grid.layout.clusters.length} clusters, ${grid.layout.centroids.length} area centres) plus ${nm.toLocaleString("en")} rows counted as not mapped (${grid.layout.notMapped.length} listed); the Kayes view as ${marks(kayesGrid)} marks, ${kayesGrid.outsideView.toLocaleString("en")} rows counted outside it. Rows are read only for marks of one row and a sample of 8 per grouped mark (its tooltip).`,
      "",
      "### Frozen SVG (renderIncidentMap; target ≤ 200 ms)",
      "",
      "| map | p50 | p95 | SVG |",
      "| --- | --- | --- | --- |",
      ...renderLines,
      "",
      "Measured on a machine shared with other builds and tests; p95s vary by about 2× between runs.",
    ];
    const out = path.join(__dirname, "..", "results");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "maps.md"), `${lines.join("\n")}\n`);
    console.log(lines.join("\n"));
  } finally {
    await db.$disconnect();
    // BENCH_KEEP_DB=1 leaves the database for EXPLAIN sessions.
    if (process.env.BENCH_KEEP_DB === "1") console.log(`kept ${database.url}`);
    else await database.drop();
  }
}

void main();
