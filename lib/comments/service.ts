import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { Member } from "@/lib/policy/can";
import { parseOrThrow } from "@/lib/validation/parse";
import { briefForComments, mayResolve, threadForComments } from "./access";
import { dropMentions, mentionIds } from "./mention-text";
import {
  createThreadSchema,
  editCommentSchema,
  idSchema,
  MENTIONS_MAX,
  replySchema,
  type CreateThreadInput,
  type EditCommentInput,
  type ReplyInput,
} from "./schema";

/**
 * Keeps only mentions of current members of the workspace (anyone else's token becomes a
 * plain "@"), at most MENTIONS_MAX of them; returns the body to store and the ids.
 */
async function withMemberMentions(
  workspaceId: string,
  body: string,
  tx: Tx,
): Promise<{ body: string; mentions: string[] }> {
  const requested = mentionIds(body).slice(0, MENTIONS_MAX);
  const members =
    requested.length === 0
      ? []
      : await tx.membership.findMany({
          where: { workspaceId, userId: { in: requested } },
          select: { userId: true },
        });
  const keep = new Set(members.map((m) => m.userId.toLowerCase()));
  return { body: dropMentions(body, keep), mentions: requested.filter((id) => keep.has(id)) };
}

/** Opens a thread on a text range with its first comment (needs brief.comment). */
export async function createThread(member: Member, input: CreateThreadInput, tx: Tx = db) {
  const parsed = parseOrThrow(createThreadSchema, input);
  const brief = await briefForComments(member, parsed.briefId, "brief.comment", tx);
  const { body, mentions } = await withMemberMentions(brief.workspaceId, parsed.body, tx);
  return tx.commentThread.create({
    data: {
      briefId: brief.id,
      anchor: parsed.anchor,
      quote: parsed.quote,
      createdById: member.userId,
      comments: { create: { authorId: member.userId, body, mentions } },
    },
    select: { id: true },
  });
}

/** Adds a comment to a thread (needs brief.comment); replying to a resolved thread is allowed. */
export async function replyToThread(member: Member, input: ReplyInput, tx: Tx = db) {
  const parsed = parseOrThrow(replySchema, input);
  const { thread, brief } = await threadForComments(member, parsed.threadId, "brief.comment", tx);
  const { body, mentions } = await withMemberMentions(brief.workspaceId, parsed.body, tx);
  const comment = await tx.comment.create({
    data: { threadId: thread.id, authorId: member.userId, body, mentions },
    select: { id: true },
  });
  // Bumps updatedAt so "recent activity" orderings see the reply.
  await tx.commentThread.update({ where: { id: thread.id }, data: { updatedAt: new Date() } });
  return comment;
}

async function setResolved(member: Member, threadId: string, resolved: boolean, tx: Tx) {
  const id = parseOrThrow(idSchema, threadId);
  const { thread, brief } = await threadForComments(member, id, "brief.read", tx);
  if (!mayResolve(member, brief, thread.createdById)) throw new DomainError("forbidden");
  // Conditional update: two people resolving at once leave the first resolver recorded.
  await tx.commentThread.updateMany({
    where: { id, resolvedAt: resolved ? null : { not: null } },
    data: resolved
      ? { resolvedAt: new Date(), resolvedById: member.userId }
      : { resolvedAt: null, resolvedById: null },
  });
}

/** Marks a thread resolved: editors and up, or the thread's author. Idempotent. */
export function resolveThread(member: Member, threadId: string, tx: Tx = db): Promise<void> {
  return setResolved(member, threadId, true, tx);
}

/** Reopens a resolved thread: same people as resolve. Idempotent. */
export function reopenThread(member: Member, threadId: string, tx: Tx = db): Promise<void> {
  return setResolved(member, threadId, false, tx);
}

async function ownComment(member: Member, commentId: string, tx: Tx) {
  const comment = await tx.comment.findFirst({
    where: { id: commentId, thread: { brief: { workspaceId: member.workspaceId } } },
    select: { id: true, authorId: true, threadId: true, thread: { select: { briefId: true } } },
  });
  if (!comment) throw new DomainError("notFound");
  return comment;
}

/** Changes the text of one's own comment (while one may still comment on the brief). */
export async function editComment(member: Member, input: EditCommentInput, tx: Tx = db) {
  const parsed = parseOrThrow(editCommentSchema, input);
  const comment = await ownComment(member, parsed.commentId, tx);
  const brief = await briefForComments(member, comment.thread.briefId, "brief.comment", tx);
  if (comment.authorId !== member.userId) throw new DomainError("forbidden");
  const { body, mentions } = await withMemberMentions(brief.workspaceId, parsed.body, tx);
  return tx.comment.update({
    where: { id: comment.id },
    data: { body, mentions, editedAt: new Date() },
    select: { id: true },
  });
}

/** Deletes one's own comment; a thread left without comments goes with it. */
export async function deleteComment(member: Member, commentId: string, tx: Tx = db) {
  const id = parseOrThrow(idSchema, commentId);
  const comment = await ownComment(member, id, tx);
  await briefForComments(member, comment.thread.briefId, "brief.read", tx);
  if (comment.authorId !== member.userId) throw new DomainError("forbidden");
  await tx.comment.delete({ where: { id: comment.id } });
  await tx.commentThread.deleteMany({ where: { id: comment.threadId, comments: { none: {} } } });
}
