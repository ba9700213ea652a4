import type { Tx } from "@/lib/db";
import type { SnapshotReason } from "@/lib/generated/prisma/enums";
import { loadLiveDocument, type LiveDocument } from "@/lib/publishing/live-document";

export type { SnapshotReason };

/**
 * Records the live draft as a BriefSnapshot (draft history). Called at each workflow
 * transition (TRANSITION), before a restore (BEFORE_RESTORE) and by compaction (ACTIVITY,
 * SESSION). Skipped when the content hash equals the last snapshot's: history lists
 * changes, not visits. Loads the live document itself when the caller has not.
 */
export async function takeSnapshot(
  tx: Tx,
  briefId: string,
  reason: SnapshotReason,
  live?: LiveDocument,
  roundAuthorIds: readonly string[] = [],
): Promise<void> {
  await takeSnapshotIfChanged(tx, briefId, reason, live, roundAuthorIds);
}

/** Same as takeSnapshot, returning the new snapshot's id (null when skipped as unchanged). */
export async function takeSnapshotIfChanged(
  tx: Tx,
  briefId: string,
  reason: SnapshotReason,
  live?: LiveDocument,
  roundAuthorIds: readonly string[] = [],
): Promise<string | null> {
  const doc = live ?? (await loadLiveDocument(briefId, tx));
  const last = await lastSnapshot(tx, briefId);
  if (last && last.contentHash === doc.hash) return null;
  const authorIds = await authorsSince(tx, briefId, last?.createdAt ?? null, roundAuthorIds);
  const created = await tx.briefSnapshot.create({
    data: {
      briefId,
      reason,
      state: Buffer.from(doc.state),
      contentJson: doc.json as object,
      contentText: doc.text,
      contentHash: doc.hash,
      authorIds,
    },
    select: { id: true },
  });
  return created.id;
}

export function lastSnapshot(tx: Tx, briefId: string) {
  return tx.briefSnapshot.findFirst({
    where: { briefId },
    orderBy: { createdAt: "desc" },
    select: { id: true, contentHash: true, createdAt: true },
  });
}

/**
 * Users whose edits came after the previous snapshot: those of the current compaction round
 * plus the contributors (recorded at every compaction, also rounds that took no snapshot)
 * who edited since then.
 */
async function authorsSince(
  tx: Tx,
  briefId: string,
  since: Date | null,
  roundAuthorIds: readonly string[],
): Promise<string[]> {
  const contributors = await tx.briefContributor.findMany({
    where: { briefId, ...(since ? { lastEditedAt: { gt: since } } : {}) },
    select: { userId: true },
  });
  return [...new Set([...roundAuthorIds, ...contributors.map((c) => c.userId)])].sort();
}
