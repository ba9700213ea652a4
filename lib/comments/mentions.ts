import { db, type Tx } from "@/lib/db";
import { can, type Member } from "@/lib/policy/can";
import { mentionIds } from "./mention-text";

export type MentionView = {
  commentId: string;
  briefId: string;
  briefTitle: string;
  quote: string;
  authorName: string;
  body: string;
  createdAt: Date;
  /** Names of everyone the comment mentions, for rendering "@Name". */
  people: Record<string, string>;
};

/**
 * Where others mentioned `member` in open threads of their workspace, newest first: the
 * in-app notification of an @mention (there is no mail delivery). Resolved threads and
 * deleted briefs drop out; one's own comments are not news.
 */
export async function mentionsOf(member: Member, limit = 10, tx: Tx = db): Promise<MentionView[]> {
  if (!can(member, "workspace.read", { kind: "workspace", id: member.workspaceId })) return [];
  const rows = await tx.comment.findMany({
    where: {
      mentions: { has: member.userId },
      authorId: { not: member.userId },
      thread: { resolvedAt: null, brief: { workspaceId: member.workspaceId, deletedAt: null } },
    },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { name: true } },
      thread: { select: { quote: true, brief: { select: { id: true, title: true } } } },
    },
  });
  const ids = [...new Set(rows.flatMap((row) => mentionIds(row.body)))];
  const users = ids.length
    ? await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const people = Object.fromEntries(users.map((u) => [u.id, u.name]));
  return rows.map((row) => ({
    commentId: row.id,
    briefId: row.thread.brief.id,
    briefTitle: row.thread.brief.title,
    quote: row.thread.quote,
    authorName: row.author.name,
    body: row.body,
    createdAt: row.createdAt,
    people,
  }));
}
