import { db, type Tx } from "@/lib/db";
import { can, type Member } from "@/lib/policy/can";
import { briefForComments, mayResolve } from "./access";
import { anchorSchema, type CommentAnchor } from "./schema";

/** One comment as the panel shows it; dates are ISO strings so they cross the action boundary. */
export type CommentView = {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  mine: boolean;
};

export type CommentThreadView = {
  id: string;
  /** null when the stored anchor is not a valid one (never shown highlighted). */
  anchor: CommentAnchor | null;
  quote: string;
  createdById: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  canResolve: boolean;
  comments: CommentView[];
};

export type CommentThreadsView = {
  threads: CommentThreadView[];
  /** Names of everyone mentioned, by user id, for rendering "@Name". */
  people: Record<string, string>;
  canComment: boolean;
};

/** A brief has few threads; this bounds a pathological one. */
const THREAD_LIMIT = 500;

/** Every thread of a brief (open and resolved) with its comments, for a reader of the brief. */
export async function listThreads(
  member: Member,
  briefId: string,
  tx: Tx = db,
): Promise<CommentThreadsView> {
  const brief = await briefForComments(member, briefId, "brief.read", tx);
  const rows = await tx.commentThread.findMany({
    where: { briefId: brief.id },
    orderBy: { createdAt: "asc" },
    take: THREAD_LIMIT,
    select: {
      id: true,
      anchor: true,
      quote: true,
      createdById: true,
      createdAt: true,
      resolvedAt: true,
      resolvedBy: { select: { name: true } },
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          authorId: true,
          author: { select: { name: true } },
          body: true,
          mentions: true,
          createdAt: true,
          editedAt: true,
        },
      },
    },
  });
  const mentioned = [...new Set(rows.flatMap((r) => r.comments.flatMap((c) => c.mentions)))];
  const people = Object.fromEntries(
    (
      await tx.user.findMany({
        where: { id: { in: mentioned } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const threads = rows.map((row) => {
    const anchor = anchorSchema.safeParse(row.anchor);
    return {
      id: row.id,
      anchor: anchor.success ? anchor.data : null,
      quote: row.quote,
      createdById: row.createdById,
      createdAt: row.createdAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      resolvedByName: row.resolvedBy?.name ?? null,
      canResolve: mayResolve(member, brief, row.createdById),
      comments: row.comments.map((c) => ({
        id: c.id,
        authorId: c.authorId,
        authorName: c.author.name,
        body: c.body,
        mentions: c.mentions,
        createdAt: c.createdAt.toISOString(),
        editedAt: c.editedAt?.toISOString() ?? null,
        mine: c.authorId === member.userId,
      })),
    };
  });
  return { threads, people, canComment: can(member, "brief.comment", brief) };
}

/** Members of the brief's workspace one may mention, by name (for the @ picker). */
export async function listMentionCandidates(
  member: Member,
  briefId: string,
  tx: Tx = db,
): Promise<{ id: string; name: string }[]> {
  const brief = await briefForComments(member, briefId, "brief.comment", tx);
  const memberships = await tx.membership.findMany({
    where: { workspaceId: brief.workspaceId },
    orderBy: { user: { name: "asc" } },
    take: 500,
    select: { user: { select: { id: true, name: true } } },
  });
  return memberships.map((m) => m.user);
}
