/**
 * The data of a map embedded in a brief: the rows its query selects, with what the map draws
 * and what a footnote needs to cite them, serialized so a published version can freeze them
 * as they were. The SVG is drawn from these rows (embed-map-svg.ts), never from the live
 * table, so a later re-import that moves a row leaves a published map as it was.
 */
import { db, type Tx } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";
import { datasetAttribution, type IncidentDataset } from "./attribution";
import type { MapRow } from "./map/layout";
import { MALI_EXTENT, type GeoExtent } from "./map/projection";
import { REGION_EXTENTS, type MapExtentId } from "./map-extents";
import { incidentWhere } from "./queries";
import type { IncidentFilter } from "./query-schema";

/**
 * A brief's map keeps at most this many rows (the most recent), so a published version stays
 * a few hundred kilobytes; the map says when it shows fewer than the query selects.
 */
export const MAP_EMBED_ROW_LIMIT = 5000;

/** One row as a map embed stores it: JSON-safe (the date is "YYYY-MM-DD"). */
export type MapEmbedRow = Omit<MapRow, "dateStart"> & {
  dateStart: string;
  datasetVersion: string | null;
  /** When the analyst downloaded the file the row came from (cited in footnotes). */
  accessed: string | null;
};

export type MapEmbedData = {
  rows: MapEmbedRow[];
  /** True when the query selects more than MAP_EMBED_ROW_LIMIT rows. */
  truncated: boolean;
  /** Dataset credit lines of the rows drawn ("… (CC BY 4.0)"), as the map prints them. */
  credits: string[];
};

export function mapExtent(id: MapExtentId): GeoExtent {
  return id === "mali" ? MALI_EXTENT : REGION_EXTENTS[id];
}

/** The rows of a map embed's query, newest first, bounded. */
export async function mapEmbedData(
  member: Member,
  filter: IncidentFilter,
  tx: Tx = db,
): Promise<MapEmbedData> {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const where = await incidentWhere(member.workspaceId, filter, tx);
  const found = await tx.incident.findMany({
    where,
    orderBy: [{ dateStart: "desc" }, { externalId: "desc" }],
    take: MAP_EMBED_ROW_LIMIT + 1,
    select: {
      id: true,
      dataset: true,
      externalId: true,
      datasetVersion: true,
      dateStart: true,
      eventType: true,
      sideA: true,
      sideB: true,
      placeName: true,
      admin1: true,
      latitude: true,
      longitude: true,
      geoPrecision: true,
      fatalitiesBest: true,
      importBatch: { select: { accessDate: true } },
    },
  });
  const truncated = found.length > MAP_EMBED_ROW_LIMIT;
  const rows = found
    .slice(0, MAP_EMBED_ROW_LIMIT)
    .map(({ importBatch, dateStart, ...row }): MapEmbedRow => ({
      ...row,
      dateStart: dateStart.toISOString().slice(0, 10),
      accessed: importBatch?.accessDate.toISOString().slice(0, 10) ?? null,
    }));
  return { rows, truncated, credits: creditLines(rows) };
}

/** One credit line per dataset release among the rows, largest first (in-house owes none). */
function creditLines(rows: readonly MapEmbedRow[]): string[] {
  const counts = new Map<string, { dataset: IncidentDataset; version: string | null; n: number }>();
  for (const row of rows) {
    const key = `${row.dataset}\u0000${row.datasetVersion ?? ""}`;
    const entry = counts.get(key) ?? { dataset: row.dataset, version: row.datasetVersion, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.n - a.n)
    .flatMap(({ dataset, version }) => {
      const a = datasetAttribution(dataset, version);
      return a ? [a.licence ? `${a.credit} (${a.licence})` : a.credit] : [];
    });
}

/** Back to what the map layout reads (a frozen row's date is text). */
export function toMapRows(rows: readonly MapEmbedRow[]): MapRow[] {
  return rows.map((r) => ({ ...r, dateStart: new Date(`${r.dateStart}T00:00:00Z`) }));
}
