import { db, type Tx } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";
import { incidentWhere } from "../queries";
import type { IncidentFilter } from "../query-schema";
import type { MapRow } from "./layout";

/**
 * Above this many rows the map draws the most recent ones and says so: the SVG stays a few
 * megabytes at most and the page responsive.
 */
export const MAP_ROW_LIMIT = 100_000;

/** The columns the map reads of a row (a MapRow). */
export const mapSelect = {
  id: true,
  dataset: true,
  externalId: true,
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
} as const;

/** Every row the browser's filter selects, with what the map needs, newest first. */
export async function mapIncidents(
  member: Member,
  filter: IncidentFilter,
  tx: Tx = db,
): Promise<{ rows: MapRow[]; truncated: boolean }> {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const where = await incidentWhere(member.workspaceId, filter, tx);
  const rows = await tx.incident.findMany({
    where,
    orderBy: [{ dateStart: "desc" }, { externalId: "desc" }],
    take: MAP_ROW_LIMIT + 1,
    select: mapSelect,
  });
  const truncated = rows.length > MAP_ROW_LIMIT;
  return { rows: truncated ? rows.slice(0, MAP_ROW_LIMIT) : rows, truncated };
}
