// The import of a parsed file: the dry-run preview, and the commit as one batch in one
// transaction under a per-dataset lock. Which rows change is decided in diff-rows.ts, how
// they are written in write-rows.ts.
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Member } from "@/lib/policy/can";
import type { ImportDataset } from "../csv/columns";
import { actorNames, actorResolver } from "../actors";
import { ensureGazetteer, invalidateGazetteerCache } from "../gazetteer";
import { diffRows, existingHashes } from "./diff-rows";
import type { ParsedImport } from "./parse-import";
import { markRemoved, removedRows, restoreRows } from "./removed-rows";
import { insertNewRows, updateChangedRows, type ImportMeta } from "./write-rows";

export type ImportCounts = {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows of earlier imports this file replaces but no longer contains (see removedRows). */
  removed: number;
};

export type ImportSummary = ImportCounts & {
  batchId: string | null;
  dataset: ImportDataset;
  encoding: ParsedImport["encoding"];
  totalRows: number;
  rejected: number;
  errors: ParsedImport["errors"];
};

/** What a commit would do, without writing: the dry-run preview. */
export async function previewImport(
  member: Member,
  parsed: ParsedImport,
  tx: Tx = db,
  preview?: { datasetVersion: string | null },
): Promise<ImportSummary> {
  assertCanImport(member);
  const existing = await existingHashes(member.workspaceId, parsed.dataset, tx);
  const diff = await diffRows(parsed, existing);
  return summary(null, parsed, {
    inserted: diff.inserts.length,
    updated: diff.changed.length + diff.restored.length,
    unchanged: diff.unchanged,
    removed: removedRows(existing, parsed, preview?.datasetVersion ?? null).length,
  });
}

/**
 * Imports a parsed file as one batch in one transaction: new rows inserted, changed rows
 * updated with their previous values kept in IncidentRevision, unchanged rows left alone.
 * Rows with errors make the whole commit fail unless `skipRejected` is set; a failure
 * anywhere rolls everything back.
 */
export async function commitImport(
  member: Member,
  parsed: ParsedImport,
  meta: ImportMeta,
  options: { skipRejected?: boolean; onProgress?: (done: number) => void } = {},
): Promise<ImportSummary> {
  assertCanImport(member);
  if (parsed.rejected > 0 && !options.skipRejected)
    throw new DomainError("importHasErrors", { count: parsed.rejected });
  if (parsed.rows.length === 0) throw new DomainError("importNothingToCommit");
  await ensureGazetteer();
  const result = await db.$transaction(
    async (tx) => {
      // One import per workspace and dataset at a time: two concurrent files with the
      // same new ids would otherwise both try to insert them.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${member.workspaceId}:${parsed.dataset}`}))`;
      const batch = await tx.importBatch.create({
        data: {
          workspaceId: member.workspaceId,
          dataset: parsed.dataset,
          datasetVersion: meta.datasetVersion,
          fileName: meta.fileName.slice(0, 300),
          fileSize: meta.fileSize,
          encoding: parsed.encoding,
          accessDate: meta.accessDate,
          createdById: member.userId,
          inserted: 0,
          updated: 0,
          unchanged: 0,
          rejected: parsed.rejected,
          errors: parsed.errors as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      const existing = await existingHashes(member.workspaceId, parsed.dataset, tx);
      const diff = await diffRows(parsed, existing);
      const target = {
        tx,
        workspaceId: member.workspaceId,
        dataset: parsed.dataset,
        meta,
        batchId: batch.id,
        resolveActors: await actorResolver(new Set(parsed.rows.flatMap(actorNames)), tx),
      };
      const counts: ImportCounts = {
        inserted: 0,
        updated: 0,
        unchanged: diff.unchanged,
        removed: 0,
      };
      counts.inserted = await insertNewRows(target, diff.inserts, (inserted) =>
        options.onProgress?.(inserted),
      );
      counts.updated = await updateChangedRows(target, diff.changed, (updated) =>
        options.onProgress?.(counts.inserted + updated),
      );
      counts.updated += await restoreRows(tx, batch.id, diff.restored);
      counts.removed = await markRemoved(
        tx,
        batch.id,
        removedRows(existing, parsed, meta.datasetVersion),
      );
      await tx.importBatch.update({ where: { id: batch.id }, data: counts });
      return summary(batch.id, parsed, counts);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  // The import may have added actors: searches should see them now, not in 30 s.
  invalidateGazetteerCache();
  return result;
}

function assertCanImport(member: Member): void {
  if (!can(member, "incident.import", { kind: "workspace", id: member.workspaceId }))
    throw new DomainError("forbidden");
}

function summary(batchId: string | null, parsed: ParsedImport, counts: ImportCounts) {
  return {
    batchId,
    dataset: parsed.dataset,
    encoding: parsed.encoding,
    totalRows: parsed.totalRows,
    rejected: parsed.rejected,
    errors: parsed.errors,
    ...counts,
  };
}
