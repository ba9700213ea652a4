/**
 * The four-eyes rule: when the workspace has it on, an approver who edited the
 * draft since the start of its review cycle (creation, then each publication) cannot
 * approve it; another approver must. "Edited" covers both what compaction has already
 * recorded (BriefContributor) and updates still waiting in the log, so approving right
 * after typing is refused too.
 */
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { LockedBrief } from "./locked-brief";

export async function editedSince(
  tx: Tx,
  briefId: string,
  userId: string,
  since: Date,
): Promise<boolean> {
  const recorded = await tx.briefContributor.count({
    where: { briefId, userId, lastEditedAt: { gt: since } },
  });
  if (recorded > 0) return true;
  const [pending] = await tx.$queryRaw<{ edited: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM brief_updates
       WHERE brief_id = ${briefId}::uuid AND user_id = ${userId}::uuid AND created_at > ${since}
    ) AS edited`;
  return pending?.edited === true;
}

/** Throws workflowFourEyes when the rule is on and `userId` edited this review cycle. */
export async function assertFourEyes(tx: Tx, brief: LockedBrief, userId: string): Promise<void> {
  if (!brief.fourEyes) return;
  if (await editedSince(tx, brief.id, userId, brief.reviewCycleStartedAt)) {
    throw new DomainError("workflowFourEyes");
  }
}
