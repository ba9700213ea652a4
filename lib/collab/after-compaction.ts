import type { Tx } from "../db";
import { snapshotIfDue } from "../history/auto-snapshot";
import { recordContributors, revertApprovalIfEdited } from "../workflow/after-edit";

/** What one compaction round merged, for the domains that react to edits. */
export type CompactedEdits = {
  briefId: string;
  /** The merged state and its ProseMirror JSON/text/hash after this round. */
  state: Uint8Array;
  contentJson: unknown;
  contentText: string;
  hash: string;
  /** One entry per merged update: who sent it (null for server-side changes) and when. */
  edits: { userId: string | null; at: Date }[];
};

/**
 * Runs inside the compaction transaction (holding the BriefDocument row lock), so what it
 * writes commits with the merged state or not at all: who edited (four-eyes rule), an
 * approved brief going back to DRAFT when its content changed, draft history snapshots.
 */
export async function afterCompaction(tx: Tx, round: CompactedEdits): Promise<void> {
  if (round.edits.length === 0) return;
  await recordContributors(tx, round);
  await revertApprovalIfEdited(tx, round);
  await snapshotIfDue(tx, round);
}
