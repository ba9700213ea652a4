// Which rows of a file are new, changed, back after a removal, or already stored as they are.
import type { Tx } from "@/lib/db";
import type { ImportDataset } from "../csv/columns";
import { contentHash, type IncidentValues } from "../csv/incident-values";
import type { ParsedImport } from "./parse-import";
import type { Existing } from "./stored-rows";

const SLICE_MS = 20;

/** A row of the file with the hash of its raw content. */
export type NewRow = { row: IncidentValues; hash: string };

/** A row whose stored content differs from the file's: `id` is the stored incident. */
export type ChangedRow = NewRow & { id: string };

/** A removed row that the file contains again, unchanged. */
export type RestoredRow = { id: string; removedAt: Date };

export type RowDiff = {
  inserts: NewRow[];
  changed: ChangedRow[];
  restored: RestoredRow[];
  unchanged: number;
};

/** The rows already stored for the workspace and dataset, by their dataset id. */
export async function existingHashes(
  workspaceId: string,
  dataset: ImportDataset,
  tx: Tx,
): Promise<Map<string, Existing>> {
  const rows = await tx.incident.findMany({
    where: { workspaceId, dataset },
    select: {
      id: true,
      externalId: true,
      contentHash: true,
      datasetVersion: true,
      dateStart: true,
      removedAt: true,
    },
  });
  return new Map<string, Existing>(
    rows.map((r) => [
      r.externalId,
      {
        id: r.id,
        hash: r.contentHash,
        version: r.datasetVersion,
        dateStart: r.dateStart,
        removedAt: r.removedAt,
      },
    ]),
  );
}

/**
 * Sorts the file's rows against the stored ones by content hash. A removed row that comes
 * back changed is a change (its new values are written); one that comes back unchanged
 * only needs its removal undone.
 */
export async function diffRows(
  parsed: ParsedImport,
  existing: Map<string, Existing>,
): Promise<RowDiff> {
  const diff: RowDiff = { inserts: [], changed: [], restored: [], unchanged: 0 };
  let sliceStart = performance.now();
  for (const row of parsed.rows) {
    // Hashing a 100 MB file takes a few hundred milliseconds: let other requests in between.
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    const hash = contentHash(parsed.dataset, row.raw);
    const found = existing.get(row.externalId);
    if (!found) diff.inserts.push({ row, hash });
    else if (found.hash !== hash) diff.changed.push({ id: found.id, row, hash });
    else if (found.removedAt) diff.restored.push({ id: found.id, removedAt: found.removedAt });
    else diff.unchanged++;
  }
  return diff;
}
