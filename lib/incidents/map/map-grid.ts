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
import { POINT_LEVELS, type PrecisionLevel } from "./precision";
import { mapFrame } from "./projection";
import { levelSql, pixelSql, reasonSql } from "./sql-fragments";
import type { MapView } from "./views";
import { whereSql } from "./where-sql";

/** Rows listed under each grouped mark's tooltip. */
export const GRID_SAMPLE = 8;
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
  reason: NotMappedReason | null;
  level: PrecisionLevel | null;
  cx: number | null;
  cy: number | null;
  event_type: string;
  n: number;
  fatalities: number;
  sx: number | null;
  sy: number | null;
  first: Date;
  last: Date;
  sample: string[];
};

/**
 * The map of a filter, aggregated in the database: one row per grid cell (at the view's
 * resolution), precision level and event type, with counts and fatality sums, so 100k
 * incidents cost a few hundred groups and no rows. Rows are then read only where a mark holds
 * one (a point, or an area centre of one row, each linking to it) and a bounded sample for
 * grouped marks' tooltips. Precision stays honest: area-located rows are grouped by level into
 * centres and never merged into points. Rows with missing, (0, 0) or out-of-range coordinates
 * are counted and listed as not mapped, never drawn.
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
  const { projection } = mapFrame(view.extent, width);
  const where = whereSql(await incidentWhere(member.workspaceId, filter, tx));
  const reason = reasonSql(view.extent);
  const [px, py] = pixelSql(projection);
  const cell = Prisma.sql`${CELL}::float8`;
  const groups = await tx.$queryRaw<GroupRow[]>(Prisma.sql`
    SELECT reason, level, cx, cy, event_type,
      count(*)::int AS n, sum(fatalities_best)::int AS fatalities,
      sum(px) AS sx, sum(py) AS sy, min(date_start) AS first, max(date_start) AS last,
      (array_agg(id::text ORDER BY date_start DESC, external_id DESC))[1:${GRID_SAMPLE}] AS sample
    FROM (
      SELECT id, external_id, date_start, event_type, fatalities_best, reason,
        CASE WHEN reason IS NULL THEN ${levelSql()} END AS level,
        CASE WHEN reason IS NULL THEN ${px} END AS px,
        CASE WHEN reason IS NULL THEN ${py} END AS py,
        CASE WHEN reason IS NULL THEN floor(${px} / ${cell})::int END AS cx,
        CASE WHEN reason IS NULL THEN floor(${py} / ${cell})::int END AS cy
      FROM (
        SELECT id, external_id, date_start, event_type, fatalities_best, dataset, geo_precision,
          latitude, longitude, ${reason} AS reason
        FROM incidents WHERE ${where}
      ) AS selected
    ) AS placed
    GROUP BY reason, level, cx, cy, event_type`);

  const notMappedCounts: Record<NotMappedReason, number> = {
    missing: 0,
    zero: 0,
    outOfRange: 0,
    outsideMap: 0,
  };
  type Acc = {
    key: string;
    point: boolean;
    level: PrecisionLevel;
    sx: number;
    sy: number;
    summary: MarkSummary;
    sample: string[];
  };
  const marks = new Map<string, Acc>();
  let total = 0;
  for (const g of groups) {
    total += g.n;
    if (g.reason) {
      notMappedCounts[g.reason] += g.n;
      continue;
    }
    const level = g.level ?? "unknown";
    const point = POINT_LEVELS.includes(level);
    // Exact and near points share a cell's cluster; area centres are grouped by level.
    const key = point ? `p:${g.cx}:${g.cy}` : `a:${level}:${g.cx}:${g.cy}`;
    const acc = marks.get(key) ?? {
      key,
      point,
      level,
      sx: 0,
      sy: 0,
      summary: { count: 0, fatalities: 0, eventTypes: {}, first: g.first, last: g.last },
      sample: [],
    };
    acc.sx += g.sx ?? 0;
    acc.sy += g.sy ?? 0;
    const s = acc.summary;
    s.count += g.n;
    s.fatalities += g.fatalities;
    s.eventTypes[g.event_type] = (s.eventTypes[g.event_type] ?? 0) + g.n;
    if (g.first < s.first) s.first = g.first;
    if (g.last > s.last) s.last = g.last;
    acc.sample.push(...g.sample);
    marks.set(key, acc);
  }

  // Outside a region view, well-located rows are simply elsewhere: counted, not listed.
  const outsideView = view.country ? 0 : notMappedCounts.outsideMap;
  if (!view.country) notMappedCounts.outsideMap = 0;
  const listedReasons = (Object.keys(notMappedCounts) as NotMappedReason[]).filter(
    (r) => notMappedCounts[r] > 0,
  );

  const ids = [...marks.values()].flatMap((m) => m.sample);
  const [sampleRows, notMappedRows] = await Promise.all([
    ids.length
      ? tx.incident.findMany({ where: { id: { in: ids } }, select: mapSelect })
      : Promise.resolve([]),
    listedReasons.length
      ? tx.$queryRaw<{ id: string; reason: NotMappedReason }[]>(Prisma.sql`
          SELECT id::text AS id, reason FROM (
            SELECT id, date_start, external_id, ${reason} AS reason FROM incidents WHERE ${where}
          ) AS selected
          WHERE reason = ANY(${listedReasons}::text[])
          ORDER BY date_start DESC, external_id DESC LIMIT ${NOT_MAPPED_LISTED}`)
      : Promise.resolve([]),
  ]);
  const byId = new Map<string, MapRow>(sampleRows.map((r) => [r.id, r]));
  const notMapped: NotMappedRow[] = [];
  if (notMappedRows.length) {
    const rows = await tx.incident.findMany({
      where: { id: { in: notMappedRows.map((r) => r.id) } },
      select: mapSelect,
    });
    const found = new Map<string, MapRow>(rows.map((r) => [r.id, r]));
    for (const { id, reason: why } of notMappedRows) {
      const row = found.get(id);
      if (row) notMapped.push({ row, reason: why });
    }
  }

  const points: PointMark[] = [];
  const clusters: ClusterMark[] = [];
  const centroids: CentroidMark[] = [];
  for (const m of marks.values()) {
    const n = m.summary.count;
    const x = m.sx / n;
    const y = m.sy / n;
    const rows = m.sample
      .map((id) => byId.get(id))
      .filter((r): r is MapRow => r !== undefined)
      .sort((a, b) => b.dateStart.getTime() - a.dateStart.getTime())
      .slice(0, GRID_SAMPLE);
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
