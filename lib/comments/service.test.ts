import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { listMentionCandidates, listThreads } from "./queries";
import {
  createThread,
  deleteComment,
  editComment,
  reopenThread,
  replyToThread,
  resolveThread,
} from "./service";

withTestDatabase("comments");

let workspaceId: string;
let members: Record<Role, Member>;
let outsider: Member;
let briefId: string;
let foreignBriefId: string;

// Shapes exactly as Y.relativePositionToJSON writes them.
const anchor = {
  start: { item: { client: 1234567890, clock: 12 }, assoc: 0 },
  end: { item: { client: 1234567890, clock: 40 }, assoc: 0 },
};

async function newBrief(workspace: string, creator: Member) {
  const brief = await db.brief.create({
    data: {
      workspaceId: workspace,
      title: `Brief ${randomUUID().slice(0, 6)}`,
      language: "en",
      createdById: creator.userId,
      updatedById: creator.userId,
    },
    select: { id: true },
  });
  return brief.id;
}

function thread(member: Member, body = "Source for this?", onBrief = briefId) {
  return createThread(member, { briefId: onBrief, anchor, quote: "Convoy delayed", body });
}

async function setViewersMayComment(value: boolean) {
  await db.workspace.update({ where: { id: workspaceId }, data: { viewersMayComment: value } });
}

beforeAll(async () => {
  ({ workspaceId, members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]));
  outsider = (await workspaceWith(["ADMIN"])).members.ADMIN;
  briefId = await newBrief(workspaceId, members.EDITOR);
  foreignBriefId = await newBrief(outsider.workspaceId, outsider);
});

describe("threads", () => {
  it("creates, replies, resolves and reopens, recording who resolved", async () => {
    const { id } = await thread(members.APPROVER, "Is the date right?");
    await replyToThread(members.EDITOR, { threadId: id, body: "Yes, checked with OCHA." });
    await resolveThread(members.EDITOR, id);

    let stored = await db.commentThread.findUniqueOrThrow({
      where: { id },
      include: { comments: { orderBy: { createdAt: "asc" } } },
    });
    expect(stored.anchor).toEqual(anchor);
    expect(stored.quote).toBe("Convoy delayed");
    expect(stored.resolvedById).toBe(members.EDITOR.userId);
    expect(stored.resolvedAt).not.toBeNull();
    expect(stored.comments.map((c) => [c.authorId, c.body])).toEqual([
      [members.APPROVER.userId, "Is the date right?"],
      [members.EDITOR.userId, "Yes, checked with OCHA."],
    ]);

    await resolveThread(members.ADMIN, id); // idempotent: the first resolver stays
    expect((await db.commentThread.findUniqueOrThrow({ where: { id } })).resolvedById).toBe(
      members.EDITOR.userId,
    );
    await reopenThread(members.APPROVER, id);
    stored = await db.commentThread.findUniqueOrThrow({
      where: { id },
      include: { comments: true },
    });
    expect(stored.resolvedAt).toBeNull();
    expect(stored.resolvedById).toBeNull();

    const view = await listThreads(members.VIEWER, briefId);
    const listed = view.threads.find((t) => t.id === id)!;
    expect(listed.comments).toHaveLength(2);
    expect(listed.anchor).toEqual(anchor);
    expect(listed.canResolve).toBe(false);
    expect(view.canComment).toBe(false);
  });

  it("follows the role matrix, with viewers commenting only where the workspace allows it", async () => {
    await setViewersMayComment(false);
    expect(await domainCode(thread(members.VIEWER))).toBe("forbidden");
    for (const role of ["EDITOR", "APPROVER", "ADMIN"] as const) {
      expect(await domainCode(thread(members[role]))).toBe("ok");
    }
    const { id } = await thread(members.EDITOR);
    expect(await domainCode(replyToThread(members.VIEWER, { threadId: id, body: "x" }))).toBe(
      "forbidden",
    );

    await setViewersMayComment(true);
    const mine = await thread(members.VIEWER, "A viewer's question");
    expect(await domainCode(replyToThread(members.VIEWER, { threadId: id, body: "+1" }))).toBe(
      "ok",
    );
    expect((await listThreads(members.VIEWER, briefId)).canComment).toBe(true);
    // A viewer resolves their own thread, not someone else's; editors resolve any.
    expect(await domainCode(resolveThread(members.VIEWER, id))).toBe("forbidden");
    expect(await domainCode(resolveThread(members.VIEWER, mine.id))).toBe("ok");
    expect(await domainCode(reopenThread(members.VIEWER, mine.id))).toBe("ok");
    expect(await domainCode(resolveThread(members.EDITOR, mine.id))).toBe("ok");
    const listed = (await listThreads(members.VIEWER, briefId)).threads;
    expect(listed.find((t) => t.id === mine.id)?.canResolve).toBe(true);
    expect(listed.find((t) => t.id === id)?.canResolve).toBe(false);
    await setViewersMayComment(false);
  });

  it("refuses empty and oversized bodies, and anchors of the wrong shape or size", async () => {
    const before = await db.commentThread.count();
    expect(await domainCode(thread(members.EDITOR, "   "))).toBe("validation");
    expect(await domainCode(thread(members.EDITOR, "x".repeat(4_001)))).toBe("validation");
    const bad = [
      { start: { item: { client: 1, clock: 1 } } },
      { start: { item: { client: -1, clock: 1 } }, end: { item: { client: 1, clock: 2 } } },
      { start: {}, end: {} },
      { start: { tname: "default", evil: 1 }, end: { tname: "default" } },
      { start: { tname: "x".repeat(500) }, end: { tname: "default" } },
      "not an anchor",
    ];
    for (const value of bad) {
      const input = { briefId, anchor: value, quote: "q", body: "b" };
      expect(await domainCode(createThread(members.EDITOR, input as never))).toBe("validation");
    }
    expect(await db.commentThread.count()).toBe(before);
  });
});

describe("mentions", () => {
  it("keeps workspace members and drops anyone else", async () => {
    const body = `Please check <@${members.APPROVER.userId}> and <@${outsider.userId}>, <@${members.APPROVER.userId}>`;
    const { id } = await thread(members.EDITOR, body);
    const comment = await db.comment.findFirstOrThrow({ where: { threadId: id } });
    expect(comment.mentions).toEqual([members.APPROVER.userId]);
    expect(comment.body).toBe(
      `Please check <@${members.APPROVER.userId}> and @, <@${members.APPROVER.userId}>`,
    );
    const view = await listThreads(members.EDITOR, briefId);
    expect(view.people[members.APPROVER.userId]).toMatch(/^APPROVER /);
    expect(view.people[outsider.userId]).toBeUndefined();

    const candidates = await listMentionCandidates(members.EDITOR, briefId);
    expect(candidates.map((c) => c.id).sort()).toEqual(
      Object.values(members)
        .map((m) => m.userId)
        .sort(),
    );
  });
});

describe("isolation", () => {
  it("answers notFound for other workspaces' briefs, threads and comments", async () => {
    const { id } = await thread(members.EDITOR);
    const comment = await db.comment.findFirstOrThrow({ where: { threadId: id } });
    expect(await domainCode(thread(outsider, "x", briefId))).toBe("notFound");
    expect(await domainCode(thread(members.ADMIN, "x", foreignBriefId))).toBe("notFound");
    expect(await domainCode(listThreads(outsider, briefId))).toBe("notFound");
    expect(await domainCode(listMentionCandidates(outsider, briefId))).toBe("notFound");
    expect(await domainCode(replyToThread(outsider, { threadId: id, body: "x" }))).toBe("notFound");
    expect(await domainCode(resolveThread(outsider, id))).toBe("notFound");
    expect(await domainCode(editComment(outsider, { commentId: comment.id, body: "x" }))).toBe(
      "notFound",
    );
    expect(await domainCode(deleteComment(outsider, comment.id))).toBe("notFound");
    expect(await domainCode(listThreads(members.ADMIN, "not-a-uuid"))).toBe("notFound");
  });

  it("lets authors edit and delete only their own comments; the last one takes the thread", async () => {
    const { id } = await thread(members.EDITOR, "First");
    const first = await db.comment.findFirstOrThrow({ where: { threadId: id } });
    const reply = await replyToThread(members.APPROVER, { threadId: id, body: "Second" });
    expect(await domainCode(editComment(members.ADMIN, { commentId: first.id, body: "x" }))).toBe(
      "forbidden",
    );
    expect(await domainCode(deleteComment(members.ADMIN, first.id))).toBe("forbidden");
    await editComment(members.EDITOR, { commentId: first.id, body: "First, edited" });
    const edited = await db.comment.findUniqueOrThrow({ where: { id: first.id } });
    expect(edited.body).toBe("First, edited");
    expect(edited.editedAt).not.toBeNull();

    await deleteComment(members.EDITOR, first.id);
    expect(await db.commentThread.count({ where: { id } })).toBe(1);
    await deleteComment(members.APPROVER, reply.id);
    expect(await db.commentThread.count({ where: { id } })).toBe(0);
  });
});
