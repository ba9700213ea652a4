/**
 * What the workflow does when edits are compacted (called inside the compaction
 * transaction by lib/collab/after-compaction.ts, so it commits with the merged state):
 * remember who edited (the four-eyes rule reads it) and send approved or published
 * content that changed back to DRAFT.
 */
import type { CompactedEdits } from "@/lib/collab/compaction";
import type { Tx } from "@/lib/db";
import { takeSnapshot } from "@/lib/history/snapshots";
import { approvalHash, shownFields } from "@/lib/publishing/approval-hash";
import type { BriefStatus } from "./state-machine";
import { approvedHashOf, revertApprovalAfterEdit } from "./transitions";

/** Upserts BriefContributor (first/last edit) for every user who sent an update this round. */
export async function recordContributors(tx: Tx, round: CompactedEdits): Promise<void> {
  const spans = new Map<string, { first: Date; last: Date }>();
  for (const { userId, at } of round.edits) {
    if (!userId) continue;
    const span = spans.get(userId);
    if (!span) spans.set(userId, { first: at, last: at });
    else {
      if (at < span.first) span.first = at;
      if (at > span.last) span.last = at;
    }
  }
  for (const [userId, { first, last }] of spans) {
    // Raw upsert so first/last only ever widen, whatever order rounds commit in.
    await tx.$executeRaw`
      INSERT INTO brief_contributors (brief_id, user_id, first_edited_at, last_edited_at)
      VALUES (${round.briefId}::uuid, ${userId}::uuid, ${first}, ${last})
      ON CONFLICT (brief_id, user_id) DO UPDATE SET
        first_edited_at = LEAST(brief_contributors.first_edited_at, EXCLUDED.first_edited_at),
        last_edited_at = GREATEST(brief_contributors.last_edited_at, EXCLUDED.last_edited_at)`;
  }
}

/**
 * An APPROVED or PUBLISHED brief whose merged content no longer matches the approval goes
 * back to DRAFT (EDITED_AFTER_APPROVAL, by the round's last editor). An edit that was
 * undone leaves the hash, and so the approval, as it was.
 */
export async function revertApprovalIfEdited(tx: Tx, round: CompactedEdits): Promise<void> {
  // Lock the row so a concurrent approve/publish and this check see one order of events.
  const [brief] = await tx.$queryRaw<
    {
      id: string;
      status: BriefStatus;
      approved_hash: string | null;
      title: string;
      language: string;
      direction: "LTR" | "RTL";
      citation_style: string;
    }[]
  >`SELECT id, status, approved_hash, title, language, direction::text AS direction, citation_style
      FROM briefs WHERE id = ${round.briefId}::uuid FOR UPDATE`;
  if (!brief || (brief.status !== "APPROVED" && brief.status !== "PUBLISHED")) return;
  const approvedHash = await approvedHashOf(tx, { ...brief, approvedHash: brief.approved_hash });
  // Compaction has just copied the document's citation style into the row: the stored one
  // is the style a version would show.
  const fields = shownFields({ ...brief, citationStyle: brief.citation_style });
  // A suggestion added (or rejected) leaves the accepted content, and so the approval, as it was.
  if (approvedHash === approvalHash(round.acceptedHash ?? round.hash, fields)) return;
  const lastEditor = round.edits.findLast((edit) => edit.userId !== null)?.userId ?? null;
  await revertApprovalAfterEdit(tx, brief, lastEditor, round.hash);
  await takeSnapshot(tx, brief.id, "TRANSITION");
}
