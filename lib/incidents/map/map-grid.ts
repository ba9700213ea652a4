import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Member } from "@/lib/policy/can";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";
import { incidentWhere } from "../queries";
import type { IncidentFilter } from "../query-schema";
import type {
  CentroidMark,
  ClusterMark,
  MapLayout,
  MapRow,
  MarkSummary,
  NotMappedRow,
  PointMark,
} from "./layout";
import { mapSelect } from "./map-rows";
import type { NotMappedReason } from "./not-mapped";
import { locationPrecision, type PrecisionLevel } from "./precision";
import { mapFrame } from "./projection";
import { inViewSql, pixelSql, reasonSql } from "./sql-fragments";
import type { MapView } from "./views";
import { whereSql } from "./where-sql";

/** Example rows listed under a grouped mark's tooltip, at most. */
export const GRID_SAMPLE = 4;
/**
 * Rows read for one map in all: every mark of one row (it links to its row) first, then one
 * example per grouped mark, then more while this lasts. A map never carries more rows.
 */
export const SAMPLE_BUDGET = 600;
/** Rows listed under "not mapped" (the count says how many there are in all). */
export const NOT_MAPPED_LISTED = 200;
/** Grid cell in pixels: the same as layoutMarks's default. */
const CELL = 22;

export type MapGrid = {
  layout: MapLayout;
  /** Rows the filter selects, drawn or not. */
  total: number;
  /** Rows that cannot be placed, by why; `layout.notMapped` lists the first of them. */
  notMappedCounts: Record<NotMappedReason, number>;
  /** In a region or zoomed view: well-located rows that fall outside it (not listed). */
  outsideView: number;
};

type GroupRow = {
  dataset: MapRow["dataset"];
  geo_precision: number | null;
  cx: number;
  cy: number;
  event_type: string;
  n: number;
  fatalities: number;
  sx: number;
  sy: number;
  first: Date;
  last: Date;
  /** Two of the group's rows (its first and last external id), for links and tooltips. */
  lo: string;
  hi: string;
};

/**
 * The map of a filter, aggregated in the database: one row per grid cell (at the view's
 * resolution), dataset precision code and event type, with counts and fatality sums, so 100k
 * incidents cost a few thousand groups and no rows. Rows are then read only where a mark
 * holds one (a point, or an area centre of one row, each linking to it) and a few of each
 * grouped mark, for its tooltip. Precision stays honest: area-located rows are grouped by
 * level into centres and never merged into points. Rows with missing, (0, 0) or out-of-range
 * coordinates are counted and listed as not mapped, never drawn.
 */
export async function mapGrid(
  member: Member,
  filter: IncidentFilter,
  view: MapView,
  options: { width?: number } = {},
  tx: Tx = db,
): Promise<MapGrid> {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const width = options.width ?? 800;
  const where = whereSql(await incidentWhere(member.workspaceId, filter, tx));
  // Rows listed as not mapped: bad coordinates, and (in the country view) off the map;
  // outside a region view, well-located rows are simply elsewhere (counted, not listed).
  const listed: NotMappedReason[] = ["missing", "zero", "outOfRange"];
  if (view.country) listed.push("outsideMap");
  const reason = reasonSql(view.extent);
  const outside = Prisma.sql`${where} AND (${inViewSql(view.extent)}) IS NOT TRUE`;
  // Three independent reads, sent together (the pool runs them side by side).
  const [groups, reasons, notMappedRows] = await Promise.all([
    tx.$queryRaw<GroupRow[]>(gridSql(where, view, width)),
    tx.$queryRaw<{ reason: NotMappedReason; n: number }[]>(Prisma.sql`
      SELECT reason, count(*)::int AS n FROM (
        SELECT ${reason} AS reason FROM incidents WHERE ${outside}
      ) AS outside GROUP BY reason`),
    tx.$queryRaw<(MapRow & { reason: NotMappedReason })[]>(Prisma.sql`
      SELECT * FROM (
        SELECT id::text AS id, dataset::text AS dataset, external_id AS "externalId",
          date_start AS "dateStart", event_type AS "eventType", side_a AS "sideA",
          side_b AS "sideB", place_name AS "placeName", admin1, latitude, longitude,
          geo_precision AS "geoPrecision", fatalities_best AS "fatalitiesBest",
          ${reason} AS reason
        FROM incidents WHERE ${outside}
      ) AS selected
      WHERE reason = ANY(${listed}::text[])
      ORDER BY "dateStart" DESC, "externalId" DESC LIMIT ${NOT_MAPPED_LISTED}`),
  ]);

  const notMappedCounts: Record<NotMappedReason, number> = {
    missing: 0,
    zero: 0,
    outOfRange: 0,
    outsideMap: 0,
  };
  let total = 0;
  for (const r of reasons) {
    notMappedCounts[r.reason] += r.n;
    total += r.n;
  }
  type Acc = {
    point: boolean;
    level: PrecisionLevel;
    sx: number;
    sy: number;
    summary: MarkSummary;
    sample: { dataset: MapRow["dataset"]; externalId: string }[];
  };
  const marks = new Map<string, Acc>();
  for (const g of groups) {
    total += g.n;
    const { level, point } = locationPrecision(g.dataset, g.geo_precision);
    // Exact and near points share a cell's cluster; area centres are grouped by level.
    const key = point ? `p:${g.cx}:${g.cy}` : `a:${level}:${g.cx}:${g.cy}`;
    const acc = marks.get(key) ?? {
      point,
      level,
      sx: 0,
      sy: 0,
      summary: { count: 0, fatalities: 0, eventTypes: {}, first: g.first, last: g.last },
      sample: [],
    };
    acc.sx += g.sx;
    acc.sy += g.sy;
    const s = acc.summary;
    s.count += g.n;
    s.fatalities += g.fatalities;
    s.eventTypes[g.event_type] = (s.eventTypes[g.event_type] ?? 0) + g.n;
    if (g.first < s.first) s.first = g.first;
    if (g.last > s.last) s.last = g.last;
    if (acc.sample.length < GRID_SAMPLE) acc.sample.push({ dataset: g.dataset, externalId: g.lo });
    if (g.hi !== g.lo && acc.sample.length < GRID_SAMPLE)
      acc.sample.push({ dataset: g.dataset, externalId: g.hi });
    marks.set(key, acc);
  }

  // Outside a region view, well-located rows are simply elsewhere: counted, not listed.
  const outsideView = view.country ? 0 : notMappedCounts.outsideMap;
  if (!view.country) notMappedCounts.outsideMap = 0;

  const wanted = sampleWithin([...marks.values()].map((m) => m.sample));
  const datasets = [...new Set(wanted.map((w) => w.dataset))];
  const sampleRows = wanted.length
    ? await tx.incident.findMany({
        // (workspace, dataset, external id) is the rows' unique key: an index lookup each.
        where: {
          workspaceId: member.workspaceId,
          OR: datasets.map((dataset) => ({
            dataset,
            externalId: {
              in: [
                ...new Set(wanted.filter((w) => w.dataset === dataset).map((w) => w.externalId)),
              ],
            },
          })),
        },
        select: mapSelect,
      })
    : [];
  const byKey = new Map<string, MapRow>(sampleRows.map((r) => [`${r.dataset}:${r.externalId}`, r]));
  const notMapped: NotMappedRow[] = notMappedRows.map(({ reason: why, ...row }) => ({
    row,
    reason: why,
  }));

  const points: PointMark[] = [];
  const clusters: ClusterMark[] = [];
  const centroids: CentroidMark[] = [];
  for (const m of marks.values()) {
    const n = m.summary.count;
    const x = m.sx / n;
    const y = m.sy / n;
    const rows = m.sample
      .map((w) => byKey.get(`${w.dataset}:${w.externalId}`))
      .filter((r): r is MapRow => r !== undefined)
      .sort((a, b) => b.dateStart.getTime() - a.dateStart.getTime());
    const [only] = rows;
    if (m.point && n === 1 && only) points.push({ kind: "point", x, y, row: only });
    else if (m.point) clusters.push({ kind: "cluster", x, y, rows, summary: m.summary });
    else centroids.push({ kind: "centroid", x, y, level: m.level, rows, summary: m.summary });
  }
  return {
    layout: { points, centroids, clusters, notMapped },
    total,
    notMappedCounts,
    outsideView,
  };
}

type SampleKey = { dataset: MapRow["dataset"]; externalId: string };

/** The rows to read: within SAMPLE_BUDGET, marks of one row first, then round by round. */
function sampleWithin(samples: SampleKey[][]): SampleKey[] {
  const out: SampleKey[] = [];
  for (const sample of samples) if (sample.length === 1 && sample[0]) out.push(sample[0]);
  let budget = SAMPLE_BUDGET - out.length;
  for (let round = 0; round < GRID_SAMPLE && budget > 0; round++) {
    for (const sample of samples) {
      const key = sample[round];
      if (sample.length > 1 && key && budget > 0) {
        out.push(key);
        budget--;
      }
    }
  }
  return out;
}

/**
 * The grouping query of a view (exported for the benchmark's EXPLAIN): the rows inside the
 * view, each projected once in a fenced subquery (OFFSET 0 keeps PostgreSQL from copying the
 * projection into every place it is used), grouped by cell, dataset, precision code and event
 * type. Every column it reads is in incidents_map_idx, so it never touches the table. The
 * precision level is read from the dataset and code in TypeScript (locationPrecision), the one
 * definition; external ids are compared bytewise (COLLATE "C"), which is all min/max need.
 */
export function gridSql(where: Prisma.Sql, view: MapView, width: number): Prisma.Sql {
  const { projection } = mapFrame(view.extent, width);
  const [px, py] = pixelSql(projection);
  // Our own constant, written into the query so GROUP BY and SELECT name one expression.
  const cell = Prisma.raw(`${CELL}.0`);
  return Prisma.sql`
    SELECT dataset::text AS dataset, geo_precision, floor(px / ${cell})::int AS cx,
      floor(py / ${cell})::int AS cy, event_type,
      count(*)::int AS n, sum(fatalities_best)::int AS fatalities,
      sum(px) AS sx, sum(py) AS sy, min(date_start) AS first, max(date_start) AS last,
      min(external_id COLLATE "C") AS lo, max(external_id COLLATE "C") AS hi
    FROM (
      SELECT dataset, geo_precision, event_type, fatalities_best, date_start, external_id,
        ${px} AS px, ${py} AS py
      FROM incidents WHERE ${where} AND ${inViewSql(view.extent)} OFFSET 0
    ) AS placed
    GROUP BY dataset, geo_precision, floor(px / ${cell}), floor(py / ${cell}), event_type`;
}
