import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Member } from "@/lib/policy/can";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { commitImport } from "../import/commit-import";
import { parseImportFile } from "../import/parse-import";
import { fileSource } from "../import/read-file";
import { layoutMarks } from "./layout";
import { mapGrid } from "./map-grid";
import { mapIncidents } from "./map-rows";
import { notMappedReason } from "./not-mapped";
import { MALI_EXTENT, mapFrame } from "./projection";
import { inViewSql, pixelSql, reasonSql } from "./sql-fragments";
import { mapView } from "./views";

withTestDatabase("incidents_map_grid");

const SAMPLE = path.join(__dirname, "../fixtures/ucdp-ged-candidate-26.0.7-mali-sample.csv");
let viewer: Member;
let workspaceId: string;

let serial = 0;
/** A row as an import would store it, with only what the map reads set on purpose. */
async function row(data: {
  lat: number | null;
  lon: number | null;
  precision?: number | null;
  dataset?: "UCDP_GED" | "ACLED" | "INHOUSE";
  fatalities?: number;
  admin1?: string;
  eventType?: string;
}) {
  serial++;
  const date = new Date(Date.UTC(2025, 0, serial));
  await db.incident.create({
    data: {
      workspaceId,
      dataset: data.dataset ?? "ACLED",
      externalId: `T${serial}`,
      dateStart: date,
      dateEnd: date,
      yearMonth: 202501,
      eventType: data.eventType ?? "Battles",
      admin1: data.admin1 ?? null,
      latitude: data.lat,
      longitude: data.lon,
      geoPrecision: data.precision ?? 1,
      fatalitiesBest: data.fatalities ?? 0,
      contentHash: `h${serial}`,
      searchText: "",
    },
  });
}

beforeAll(async () => {
  const ws = await workspaceWith(["EDITOR", "VIEWER"]);
  viewer = ws.members.VIEWER;
  workspaceId = ws.workspaceId;
  const parsed = await parseImportFile(fileSource(SAMPLE), { expected: "UCDP_GED" });
  await commitImport(ws.members.EDITOR, parsed, {
    fileSize: 1,
    datasetVersion: "26.0.7",
    accessDate: new Date("2026-11-20"),
    fileName: "ucdp.csv",
  });
  // Bad coordinates: never drawn, always counted.
  await row({ lat: null, lon: null });
  await row({ lat: 14.2, lon: null });
  await row({ lat: 0, lon: 0, fatalities: 5 });
  await row({ lat: 91, lon: -8 });
  await row({ lat: 14, lon: -200 });
  await row({ lat: 40.4, lon: -3.7 }); // Madrid: a real place, off the map
  // Several precisions at one town (Nioro du Sahel): points cluster, areas stay centres.
  await row({ lat: 15.23, lon: -9.59, precision: 1, fatalities: 2, admin1: "Kayes" });
  await row({ lat: 15.231, lon: -9.591, precision: 2, fatalities: 3, admin1: "Kayes" });
  await row({ lat: 15.23, lon: -9.59, precision: 3, fatalities: 4, admin1: "Kayes" });
  await row({ lat: 15.23, lon: -9.59, precision: 3, admin1: "Kayes", eventType: "Protests" });
  await row({ lat: 15.23, lon: -9.59, precision: null, dataset: "INHOUSE" });
});

describe("the SQL twins of the map's rules", () => {
  it("project to the same pixel as d3", async () => {
    const { projection } = mapFrame(MALI_EXTENT, 800);
    const [px, py] = pixelSql(projection);
    for (const [lon, lat] of [
      [-10.305606, 14.703479],
      [-17.8, 9],
      [5.2, 25.3],
      [0, 16],
    ] as const) {
      const [{ x, y }] = await db.$queryRaw<[{ x: number; y: number }]>(Prisma.sql`
        SELECT ${px} AS x, ${py} AS y
        FROM (SELECT ${lon}::float8 AS longitude, ${lat}::float8 AS latitude) AS p`);
      const [ex, ey] = projection([lon, lat])!;
      expect(x).toBeCloseTo(ex, 6);
      expect(y).toBeCloseTo(ey, 6);
    }
  });

  it("give every coordinate the not-mapped reason notMappedReason gives, and draw the rest", async () => {
    const cases: [number | null, number | null][] = [
      [null, null],
      [14, null],
      [Number.NaN, -8],
      [14, Number.POSITIVE_INFINITY],
      [0, 0],
      [0, -8],
      [90.5, 0],
      [-91, 3],
      [14, 181],
      [14, -180.5],
      [9, -17.8],
      [25.3, 5.2],
      [8.99, -3],
      [40.4, -3.7],
      [14.7, -10.3],
    ];
    for (const [lat, lon] of cases) {
      const [got] = await db.$queryRaw<{ reason: string | null; inView: boolean | null }[]>(
        Prisma.sql`
        SELECT ${reasonSql(MALI_EXTENT)} AS reason, ${inViewSql(MALI_EXTENT)} AS "inView"
        FROM (SELECT ${lat}::float8 AS latitude, ${lon}::float8 AS longitude) AS r`,
      );
      const reason = notMappedReason(lat, lon, MALI_EXTENT);
      // The grid draws a row exactly when it has no reason not to.
      expect({ lat, lon, reason: got?.reason ?? null, drawn: got?.inView === true }).toEqual({
        lat,
        lon,
        reason,
        drawn: reason === null,
      });
    }
  });
});

describe("mapGrid", () => {
  it("aggregates the country view into the marks the renderer lays out from rows", async () => {
    const grid = await mapGrid(viewer, { dataset: "UCDP_GED" }, mapView({}));
    const { rows } = await mapIncidents(viewer, { dataset: "UCDP_GED" });
    const { projection } = mapFrame(MALI_EXTENT, 800);
    const expected = layoutMarks(rows, projection, MALI_EXTENT);
    expect(grid.total).toBe(12);
    const sig = (m: { kind: string; x: number; y: number }) =>
      `${m.kind}@${m.x.toFixed(1)},${m.y.toFixed(1)}`;
    const marks = (l: typeof expected) =>
      [...l.points, ...l.clusters, ...l.centroids].map(sig).sort();
    expect(marks(grid.layout)).toEqual(marks(expected));
    expect(grid.layout.points.map((p) => p.row.externalId).sort()).toEqual(
      expected.points.map((p) => p.row.externalId).sort(),
    );
    expect(grid.notMappedCounts).toEqual({ missing: 0, zero: 0, outOfRange: 0, outsideMap: 0 });
  });

  it("counts and lists the rows it cannot place, and never draws one at (0, 0)", async () => {
    const grid = await mapGrid(viewer, { from: "2025-01-01", to: "2025-12-31" }, mapView({}));
    expect(grid.total).toBe(11);
    expect(grid.notMappedCounts).toEqual({ missing: 2, zero: 1, outOfRange: 2, outsideMap: 1 });
    expect(grid.layout.notMapped.map((n) => [n.row.externalId, n.reason])).toEqual([
      ["T6", "outsideMap"],
      ["T5", "outOfRange"],
      ["T4", "outOfRange"],
      ["T3", "zero"],
      ["T2", "missing"],
      ["T1", "missing"],
    ]);
    const drawn = [
      ...grid.layout.points.map((p) => p.row),
      ...[...grid.layout.clusters, ...grid.layout.centroids].flatMap((m) => m.rows),
    ];
    expect(drawn.every((r) => r.latitude !== 0 || r.longitude !== 0)).toBe(true);
    expect(drawn.map((r) => r.externalId).sort()).toEqual(["T10", "T11", "T7", "T8", "T9"]);
  });

  it("keeps precision honest: points cluster, area rows stay centres by level", async () => {
    const grid = await mapGrid(viewer, { from: "2025-01-01", to: "2025-12-31" }, mapView({}));
    expect(grid.layout.points).toEqual([]);
    expect(grid.layout.clusters).toHaveLength(1);
    const [cluster] = grid.layout.clusters;
    expect(cluster!.summary).toMatchObject({ count: 2, fatalities: 5, eventTypes: { Battles: 2 } });
    expect(cluster!.rows.map((r) => r.externalId)).toEqual(["T8", "T7"]);
    const centres = grid.layout.centroids
      .map((c) => [c.level, c.summary?.count, c.summary?.fatalities, c.summary?.eventTypes])
      .sort();
    expect(centres).toEqual([
      ["region", 2, 4, { Battles: 1, Protests: 1 }],
      ["unknown", 1, 0, { Battles: 1 }],
    ]);
  });

  it("draws a region view at its resolution and counts what lies outside it", async () => {
    const grid = await mapGrid(viewer, { dataset: "UCDP_GED" }, mapView({ view: "kayes" }));
    const inView = [
      ...grid.layout.points.map((p) => p.row),
      ...[...grid.layout.clusters, ...grid.layout.centroids].flatMap((m) => m.rows),
    ];
    expect(inView.map((r) => r.externalId).sort()).toEqual([
      "636520",
      "636592",
      "636664",
      "636798",
    ]);
    // Seen closer, the two Kayes points no longer share a cell.
    expect(grid.layout.points).toHaveLength(2);
    expect(grid.outsideView).toBe(8);
    expect(grid.notMappedCounts.outsideMap).toBe(0);
    expect(grid.layout.notMapped).toEqual([]);
  });

  it("applies the browser's filter and shows another workspace nothing", async () => {
    const kayes = await mapGrid(viewer, { admin1: "كاي", dataset: "UCDP_GED" }, mapView({}));
    expect(kayes.total).toBe(4);
    const outsider = (await workspaceWith(["VIEWER"])).members.VIEWER;
    const none = await mapGrid(outsider, {}, mapView({}));
    expect(none.total).toBe(0);
    expect(none.layout).toEqual({ points: [], clusters: [], centroids: [], notMapped: [] });
  });
});
