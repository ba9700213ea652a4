import { loadBrief } from "@/lib/briefs/load-brief";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { can, type BriefAction, type BriefResource, type Member } from "@/lib/policy/can";
import { isUuid } from "@/lib/validation/uuid";

export type CommentBrief = BriefResource & { id: string };

/**
 * A brief of the member's workspace as a policy resource that carries the workspace's
 * "viewers may comment" setting. Unknown, foreign or unreadable → notFound, so nobody learns
 * that a brief exists elsewhere; readable but not allowed → forbidden.
 */
export async function briefForComments(
  member: Member,
  briefId: string,
  action: BriefAction,
  tx: Tx = db,
): Promise<CommentBrief> {
  const brief = await loadBrief(member, briefId, action, { tx });
  return { ...brief.resource, id: brief.id };
}

/** A thread of a brief in the member's workspace (its brief checked for `action`). */
export async function threadForComments(
  member: Member,
  threadId: string,
  action: BriefAction,
  tx: Tx = db,
) {
  if (!isUuid(threadId)) throw new DomainError("notFound");
  const thread = await tx.commentThread.findFirst({
    where: { id: threadId, brief: { workspaceId: member.workspaceId } },
    select: { id: true, briefId: true, createdById: true, resolvedAt: true },
  });
  if (!thread) throw new DomainError("notFound");
  const brief = await briefForComments(member, thread.briefId, action, tx);
  return { thread, brief };
}

/** Who may resolve or reopen a thread: editors and up, and the thread's own author. */
export function mayResolve(member: Member, brief: CommentBrief, threadAuthorId: string): boolean {
  return can(member, "brief.resolveComment", brief) || threadAuthorId === member.userId;
}
