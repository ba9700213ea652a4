import type { GeoProjection } from "d3-geo";
import type { IncidentDataset } from "../attribution";
import { notMappedReason, type NotMappedReason } from "./not-mapped";
import { locationPrecision, type PrecisionLevel } from "./precision";
import type { GeoExtent } from "./projection";

/** What the map reads of a row. */
export type MapRow = {
  id: string;
  dataset: IncidentDataset;
  externalId: string;
  dateStart: Date;
  eventType: string;
  sideA: string | null;
  sideB: string | null;
  placeName: string | null;
  admin1: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: number | null;
  fatalitiesBest: number;
};

/** One row drawn where the dataset locates it. */
export type PointMark = { kind: "point"; x: number; y: number; row: MapRow };
/**
 * What the server counted under a mark it aggregated (lib/incidents/map/map-grid.ts): the
 * mark's `rows` are then only a bounded sample, for its tooltip.
 */
export type MarkSummary = {
  count: number;
  fatalities: number;
  /** Rows per event type. */
  eventTypes: Record<string, number>;
  first: Date;
  last: Date;
};

/** Rows coded to one centroid (or crowding one cell) at one precision: a ring with the level stated. */
export type CentroidMark = {
  kind: "centroid";
  x: number;
  y: number;
  level: PrecisionLevel;
  rows: MapRow[];
  summary?: MarkSummary;
};
/** Exact points too close to tell apart, aggregated. */
export type ClusterMark = {
  kind: "cluster";
  x: number;
  y: number;
  rows: MapRow[];
  summary?: MarkSummary;
};
export type NotMappedRow = { row: MapRow; reason: NotMappedReason };

export type MapLayout = {
  points: PointMark[];
  centroids: CentroidMark[];
  clusters: ClusterMark[];
  notMapped: NotMappedRow[];
};

/**
 * Sorts rows into what the map draws. Exactly located rows are points, aggregated on a grid
 * of `cellSize` pixels when several fall in one cell (dense areas stay readable, and the
 * count is drawn). Rows located only to a district, region or country are never points:
 * they are grouped by level and cell into rings on an area's centre. Rows that cannot be placed are returned, with why.
 */
export function layoutMarks(
  rows: readonly MapRow[],
  projection: GeoProjection,
  extent: GeoExtent,
  cellSize = 22,
): MapLayout {
  const cells = new Map<string, { x: number; y: number; rows: MapRow[] }>();
  const centres = new Map<string, CentroidMark>();
  const notMapped: NotMappedRow[] = [];
  for (const row of rows) {
    const reason = notMappedReason(row.latitude, row.longitude, extent);
    if (reason) {
      notMapped.push({ row, reason });
      continue;
    }
    // Checked above: both coordinates are finite numbers inside the extent.
    const projected = projection([row.longitude as number, row.latitude as number]);
    if (!projected) {
      notMapped.push({ row, reason: "outsideMap" });
      continue;
    }
    const [x, y] = projected;
    const { level, point } = locationPrecision(row.dataset, row.geoPrecision);
    if (point) {
      const key = `${Math.floor(x / cellSize)}:${Math.floor(y / cellSize)}`;
      const cell = cells.get(key) ?? { x: 0, y: 0, rows: [] };
      cell.x += x;
      cell.y += y;
      cell.rows.push(row);
      cells.set(key, cell);
    } else {
      // Area centres of one precision that crowd a cell share a ring, placed on the first
      // one's centre: rows coded to the same centroid (the usual case) keep it exactly.
      const key = `${level}:${Math.floor(x / cellSize)}:${Math.floor(y / cellSize)}`;
      const mark = centres.get(key) ?? { kind: "centroid" as const, x, y, level, rows: [] };
      mark.rows.push(row);
      centres.set(key, mark);
    }
  }
  const points: PointMark[] = [];
  const clusters: ClusterMark[] = [];
  for (const cell of cells.values()) {
    const n = cell.rows.length;
    const [only] = cell.rows;
    if (n === 1 && only) points.push({ kind: "point", x: cell.x, y: cell.y, row: only });
    else clusters.push({ kind: "cluster", x: cell.x / n, y: cell.y / n, rows: cell.rows });
  }
  return { points, centroids: [...centres.values()], clusters, notMapped };
}
