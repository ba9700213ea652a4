// Bulk writing of an import's rows: new incidents inserted, changed ones updated with their
// previous values kept as revisions. Everything runs on the import's transaction.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportDataset } from "../csv/columns";
import { COMPARED_FIELDS, searchText, yearMonth } from "../csv/incident-values";
import { actorNames } from "../actors";
import type { ChangedRow, NewRow } from "./diff-rows";
import { CHUNK } from "./stored-rows";

export type ImportMeta = {
  fileName: string;
  fileSize: number;
  datasetVersion: string | null;
  accessDate: Date;
};

/** Where the rows go: the import's transaction, workspace, dataset, file and batch. */
export type WriteTarget = {
  tx: Tx;
  workspaceId: string;
  dataset: ImportDataset;
  meta: ImportMeta;
  batchId: string;
  /** Actor ids for a row's actor names (see actorResolver). */
  resolveActors: (names: string[]) => string[];
};

/**
 * Inserts the new rows chunk by chunk, reporting the running count after each chunk.
 *
 * Most of an import's time is the trigram index on search_text (about 250 trigrams a row).
 * GIN first appends new entries to a "pending list" and merges it into the index when it
 * outgrows gin_pending_list_limit (4 MB: every ~1,500 rows); one merge of the whole file is
 * far cheaper than 60 small ones. So the pending list may grow for the file's chunks, and the
 * limit comes back before the last one: that chunk's insert merges everything, inside this
 * transaction (a later search never pays for a long pending list). SET LOCAL ends with the
 * transaction; work_mem is what a merge sorts in.
 */
export async function insertNewRows(
  target: WriteTarget,
  rows: NewRow[],
  onChunk: (written: number) => void,
): Promise<number> {
  let inserted = 0;
  const chunks = Math.ceil(rows.length / CHUNK);
  if (chunks > 1) {
    await target.tx.$executeRawUnsafe("SET LOCAL gin_pending_list_limit = '2GB'");
    await target.tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    if (chunks > 1 && i + CHUNK >= rows.length)
      await target.tx.$executeRawUnsafe("SET LOCAL gin_pending_list_limit = DEFAULT");
    const chunk = rows.slice(i, i + CHUNK).map((r) => toColumns(target, r));
    inserted += await insertRows(target.tx, chunk);
    onChunk(inserted);
  }
  return inserted;
}

/** Updates the changed rows chunk by chunk, reporting the running count after each chunk. */
export async function updateChangedRows(
  target: WriteTarget,
  rows: ChangedRow[],
  onChunk: (written: number) => void,
): Promise<number> {
  let updated = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    updated += await applyChanges(target, rows.slice(i, i + CHUNK));
    onChunk(updated);
  }
  return updated;
}

/**
 * Bulk insert of new rows: one statement per chunk with the rows as a single JSON parameter
 * (json_populate_record), an order of magnitude faster than a 40,000-parameter INSERT.
 * Column names are the table's; what a JSON record lacks is NULL.
 */
async function insertRows(tx: Tx, rows: ReturnType<typeof toColumns>[]): Promise<number> {
  const now = new Date().toISOString();
  const records = rows.map(({ columns: c, raw }) => ({
    id: randomUUID(),
    workspace_id: c.workspaceId,
    dataset: c.dataset,
    external_id: c.externalId,
    dataset_version: c.datasetVersion,
    date_start: day(c.dateStart),
    date_end: day(c.dateEnd),
    year_month: c.yearMonth,
    date_precision: c.datePrecision,
    event_type: c.eventType,
    sub_event_type: c.subEventType,
    side_a: c.sideA,
    side_b: c.sideB,
    assoc_actors: c.assocActors,
    country: c.country,
    admin1: c.admin1,
    admin2: c.admin2,
    admin3: c.admin3,
    place_name: c.placeName,
    latitude: c.latitude,
    longitude: c.longitude,
    geo_precision: c.geoPrecision,
    fatalities_best: c.fatalitiesBest,
    fatalities_low: c.fatalitiesLow,
    fatalities_high: c.fatalitiesHigh,
    civilian_deaths: c.civilianDeaths,
    description: c.description,
    source_text: c.sourceText,
    source_scale: c.sourceScale,
    number_of_sources: c.numberOfSources,
    clarity: c.clarity,
    content_hash: c.contentHash,
    search_text: c.searchText,
    actor_ids: c.actorIds,
    source_ids: [],
    import_batch_id: c.importBatchId,
    created_at: now,
    updated_at: now,
    raw,
  }));
  // One statement writes both tables, so the JSON is sent and parsed once (it was twice);
  // incident_raw's foreign key is checked at the end of the statement, when the incidents
  // are there.
  const json = JSON.stringify(records);
  const [written] = await tx.$queryRaw<{ inserted: number }[]>`
    WITH src AS MATERIALIZED (SELECT e FROM json_array_elements(${json}::json) AS e),
    added AS (
      INSERT INTO incidents
      SELECT r.* FROM src, LATERAL json_populate_record(NULL::incidents, src.e) AS r
      RETURNING 1
    ),
    stored AS (
      INSERT INTO incident_raw (incident_id, raw) SELECT (e->>'id')::uuid, e->'raw' FROM src
    )
    SELECT count(*)::int AS inserted FROM added`;
  return written?.inserted ?? 0;
}

function day(value: Date | string): string {
  return new Date(value).toISOString().slice(0, 10);
}

/** The incidents columns of a row, and its raw text (stored apart, in incident_raw). */
function toColumns(
  target: WriteTarget,
  { row, hash }: NewRow,
): { columns: Prisma.IncidentCreateManyInput; raw: Prisma.InputJsonValue } {
  const { raw, ...values } = row;
  return {
    columns: {
      ...values,
      workspaceId: target.workspaceId,
      dataset: target.dataset,
      datasetVersion: target.meta.datasetVersion,
      yearMonth: yearMonth(row.dateStart),
      contentHash: hash,
      searchText: searchText(row),
      actorIds: target.resolveActors(actorNames(row)),
      importBatchId: target.batchId,
    },
    raw,
  };
}

async function applyChanges(target: WriteTarget, changed: ChangedRow[]): Promise<number> {
  const { tx, batchId } = target;
  const select = Object.fromEntries(COMPARED_FIELDS.map((f) => [f, true])) as Record<
    (typeof COMPARED_FIELDS)[number],
    true
  >;
  const before = await tx.incident.findMany({
    where: { id: { in: changed.map((c) => c.id) } },
    select: { id: true, ...select },
  });
  const byId = new Map(before.map((b) => [b.id, b]));
  const revisions: Prisma.IncidentRevisionCreateManyInput[] = [];
  for (const change of changed) {
    const { id, row } = change;
    const old = byId.get(id);
    const fields = COMPARED_FIELDS.filter((f) => !same(old?.[f] ?? null, row[f]));
    const { columns, raw } = toColumns(target, change);
    const { externalId: _externalId, ...data } = columns;
    // A changed row that had been removed is back: it is live again.
    await tx.incident.update({
      where: { id },
      data: { ...data, removedAt: null, removedInBatchId: null },
    });
    await tx.incidentRaw.upsert({
      where: { incidentId: id },
      create: { incidentId: id, raw },
      update: { raw },
    });
    revisions.push({
      incidentId: id,
      importBatchId: batchId,
      // Only columns we do not map changed (e.g. GED's priogrid cell): say "raw".
      changedFields: fields.length ? fields : ["raw"],
      previous: Object.fromEntries(
        fields.map((f) => [f, old?.[f] ?? null]),
      ) as Prisma.InputJsonValue,
    });
  }
  await tx.incidentRevision.createMany({ data: revisions });
  return changed.length;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
