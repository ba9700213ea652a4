import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { can, type BriefAction, type BriefResource, type Member } from "@/lib/policy/can";

export type CommentBrief = BriefResource & { id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  if (!UUID.test(briefId)) throw new DomainError("notFound");
  const row = await tx.brief.findFirst({
    where: { id: briefId, workspaceId: member.workspaceId },
    select: {
      id: true,
      workspaceId: true,
      deletedAt: true,
      workspace: { select: { viewersMayComment: true } },
    },
  });
  if (!row) throw new DomainError("notFound");
  const brief: CommentBrief = {
    kind: "brief",
    id: row.id,
    workspaceId: row.workspaceId,
    deletedAt: row.deletedAt,
    viewersMayComment: row.workspace.viewersMayComment,
  };
  if (!can(member, "brief.read", brief)) throw new DomainError("notFound");
  if (!can(member, action, brief)) throw new DomainError("forbidden");
  return brief;
}

/** A thread of a brief in the member's workspace (its brief checked for `action`). */
export async function threadForComments(
  member: Member,
  threadId: string,
  action: BriefAction,
  tx: Tx = db,
) {
  if (!UUID.test(threadId)) throw new DomainError("notFound");
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
