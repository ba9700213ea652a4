// Rows a re-import no longer contains: which ones, and marking or restoring them.
import type { Tx } from "@/lib/db";
import { CHUNK, type Existing } from "./stored-rows";
import type { ParsedImport } from "./parse-import";

/**
 * Compares dataset releases: "26.0.7" < "26.0.10" < "26.1"; null (no version given) only
 * equals null. Returns null when the two cannot be compared.
 */
export function compareVersions(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return a === b ? 0 : null;
  const pa = a.trim().split(/[.\-_]/);
  const pb = b.trim().split(/[.\-_]/);
  if (![...pa, ...pb].every((p) => /^\d+$/.test(p))) return a.trim() === b.trim() ? 0 : null;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = Number(pa[i] ?? 0) - Number(pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * Rows an import no longer contains, which it therefore marks removed. A file replaces the
 * rows of the same dataset that came from the same release or an older one (a new release
 * supersedes the old), and only within the period the file covers (its earliest to latest
 * date): a file of 2024 events, or a filtered export, says nothing about rows outside it.
 * Rows of a release newer than the file, or whose release cannot be compared with it (one has
 * a version, the other none), are left alone. In-house rows are never touched.
 */
export function removedRows(
  existing: Map<string, Existing>,
  parsed: ParsedImport,
  version: string | null,
): string[] {
  if (parsed.rows.length === 0) return [];
  const inFile = new Set(parsed.rows.map((r) => r.externalId));
  let first = Infinity;
  let last = -Infinity;
  for (const r of parsed.rows) {
    const t = new Date(r.dateStart).getTime();
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const ids: string[] = [];
  for (const [externalId, row] of existing) {
    if (row.removedAt || inFile.has(externalId)) continue;
    const t = row.dateStart.getTime();
    if (t < first || t > last) continue;
    const cmp = compareVersions(row.version, version);
    if (cmp !== null && cmp <= 0) ids.push(row.id);
  }
  return ids;
}

/** Marks rows removed by this batch, with a revision each (history and change awareness). */
export async function markRemoved(tx: Tx, batchId: string, ids: string[]): Promise<number> {
  const now = new Date();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await tx.incident.updateMany({
      where: { id: { in: chunk } },
      data: { removedAt: now, removedInBatchId: batchId },
    });
    await tx.incidentRevision.createMany({
      data: chunk.map((incidentId) => ({
        incidentId,
        importBatchId: batchId,
        changedFields: ["removedAt"],
        previous: { removedAt: null },
      })),
    });
  }
  return ids.length;
}

/** Rows that were removed and are back, unchanged, in this file. */
export async function restoreRows(
  tx: Tx,
  batchId: string,
  rows: { id: string; removedAt: Date }[],
): Promise<number> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.incident.updateMany({
      where: { id: { in: chunk.map((r) => r.id) } },
      data: { removedAt: null, removedInBatchId: null, importBatchId: batchId },
    });
    await tx.incidentRevision.createMany({
      data: chunk.map((r) => ({
        incidentId: r.id,
        importBatchId: batchId,
        changedFields: ["removedAt"],
        previous: { removedAt: r.removedAt.toISOString() },
      })),
    });
  }
  return rows.length;
}
