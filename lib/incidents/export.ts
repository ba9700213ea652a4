import { db, type Tx } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { csvLine } from "./csv/write-csv";
import { incidentWhere } from "./queries";
import type { IncidentFilter } from "./query-schema";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";

export const EXPORT_LIMIT = 200_000;
const COLUMNS = [
  "dataset",
  "external_id",
  "dataset_version",
  "date_start",
  "date_end",
  "event_type",
  "sub_event_type",
  "side_a",
  "side_b",
  "assoc_actors",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "place",
  "latitude",
  "longitude",
  "fatalities_best",
  "fatalities_low",
  "fatalities_high",
  "civilian_deaths",
  "description",
  "source",
];

/** The filtered rows as CSV, streamed page by page (keyset on id) so memory stays flat. */
export async function* exportIncidentsCsv(
  member: Member,
  filter: IncidentFilter,
  tx: Tx = db,
): AsyncGenerator<string> {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const where = await incidentWhere(member.workspaceId, filter, tx);
  yield csvLine(COLUMNS);
  let cursor: string | undefined;
  for (let sent = 0; sent < EXPORT_LIMIT;) {
    const rows = await tx.incident.findMany({
      where,
      orderBy: { id: "asc" },
      take: 2000,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    let chunk = "";
    for (const r of rows) {
      chunk += csvLine([
        r.dataset,
        r.externalId,
        r.datasetVersion,
        day(r.dateStart),
        day(r.dateEnd),
        r.eventType,
        r.subEventType,
        r.sideA,
        r.sideB,
        r.assocActors,
        r.country,
        r.admin1,
        r.admin2,
        r.admin3,
        r.placeName,
        r.latitude,
        r.longitude,
        r.fatalitiesBest,
        r.fatalitiesLow,
        r.fatalitiesHigh,
        r.civilianDeaths,
        r.description,
        r.sourceText,
      ]);
    }
    yield chunk;
    sent += rows.length;
    cursor = rows.at(-1)!.id;
  }
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
