import type { CitationItem, IncidentCitationItem } from "@/lib/editor/citation";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CITED_INCIDENT_SELECT } from "@/lib/incidents/embeds";
import type { Member } from "@/lib/policy/can";
import { DATASET_NAMES, datasetEnumOfName } from "./embed-nodes";
import type { FrozenIncident } from "./frozen";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";

/** Columns a reader compares between versions (compare shows changed values). */
const VALUE_COLUMNS = [
  "eventType",
  "subEventType",
  "sideA",
  "sideB",
  "admin1",
  "admin2",
  "fatalitiesBest",
  "fatalitiesLow",
  "fatalitiesHigh",
  "civilianDeaths",
  "dateEnd",
] as const;

const CHUNK = 200;

/** The identity of a cited row as citation items name it: dataset name and row id. */
export function incidentItemKey(item: { dataset: string; rowId: string }): string {
  return `${item.dataset}\u0000${item.rowId}`;
}

/**
 * Snapshots of the incident rows that citation items of kind "incident" name (by dataset and
 * row id, which is what the item stores), as they are now. Rows that cannot be found are
 * simply absent: findPublishProblems lists them.
 */
export async function frozenIncidentsOf(
  member: Member,
  clusters: CitationItem[][],
  tx: Tx,
): Promise<FrozenIncident[]> {
  const cited = new Map<string, IncidentCitationItem>();
  for (const item of clusters.flat()) {
    if (item.kind === "incident") cited.set(incidentItemKey(item), item);
  }
  if (cited.size === 0) return [];
  authorizeInWorkspace(member, "incident.read", "notFound");
  const wanted: Prisma.IncidentWhereInput[] = [];
  for (const item of cited.values()) {
    const dataset = datasetEnumOfName(item.dataset);
    if (dataset) wanted.push({ dataset, externalId: item.rowId });
  }
  const out: FrozenIncident[] = [];
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const rows = await tx.incident.findMany({
      where: { workspaceId: member.workspaceId, OR: wanted.slice(i, i + CHUNK) },
      orderBy: [{ dataset: "asc" }, { externalId: "asc" }],
      select: {
        ...CITED_INCIDENT_SELECT,
        ...Object.fromEntries(VALUE_COLUMNS.map((c) => [c, true])),
      },
    });
    for (const row of rows) {
      const values: FrozenIncident["values"] = {};
      for (const column of VALUE_COLUMNS) {
        const value: unknown = (row as Record<string, unknown>)[column];
        values[column] =
          value instanceof Date
            ? value.toISOString().slice(0, 10)
            : typeof value === "string" || typeof value === "number"
              ? value
              : null;
      }
      out.push({
        id: row.id,
        dataset: DATASET_NAMES[row.dataset],
        externalId: row.externalId,
        datasetVersion: row.datasetVersion,
        date: row.dateStart.toISOString().slice(0, 10),
        placeName: row.placeName,
        accessDate: row.importBatch?.accessDate.toISOString().slice(0, 10) ?? null,
        removedAt: row.removedAt?.toISOString() ?? null,
        values,
      });
    }
  }
  return out;
}
