import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { mentionsOf } from "./mentions";
import { createThread, replyToThread, resolveThread } from "./service";

withTestDatabase("comments-mentions");

const anchor = {
  start: { item: { client: 1, clock: 2 }, assoc: 0 },
  end: { item: { client: 1, clock: 9 }, assoc: 0 },
};

describe("mentions of a member", () => {
  it("lists open threads where others mentioned them, newest first, and drops resolved ones", async () => {
    const { workspaceId, members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER"]);
    const other = await workspaceWith(["EDITOR"]);
    const brief = await db.brief.create({
      data: {
        workspaceId,
        title: "Kayes roads",
        language: "en",
        createdById: members.EDITOR.userId,
        updatedById: members.EDITOR.userId,
      },
      select: { id: true },
    });
    const mention = (userId: string) => `<@${userId}>`;
    const first = await createThread(members.APPROVER, {
      briefId: brief.id,
      anchor,
      quote: "Convoy delayed",
      body: `Source for this, ${mention(members.EDITOR.userId)}?`,
    });
    await replyToThread(members.APPROVER, {
      threadId: first.id,
      body: `${mention(members.EDITOR.userId)} and ${mention(members.VIEWER.userId)}, see above`,
    });
    // Mentioning oneself is not news; mentioning a non-member is dropped by the service.
    await createThread(members.EDITOR, {
      briefId: brief.id,
      anchor,
      quote: "Markets reopened",
      body: `Note to self ${mention(members.EDITOR.userId)} ${mention(other.members.EDITOR.userId)}`,
    });

    const editorSees = await mentionsOf(members.EDITOR);
    expect(editorSees.map((m) => [m.briefTitle, m.quote, m.authorName])).toEqual([
      ["Kayes roads", "Convoy delayed", expect.any(String)],
      ["Kayes roads", "Convoy delayed", expect.any(String)],
    ]);
    expect(editorSees[0]!.body).toContain("see above");
    expect(Object.keys(editorSees[0]!.people)).toEqual(
      expect.arrayContaining([members.EDITOR.userId, members.VIEWER.userId]),
    );
    expect(await mentionsOf(members.VIEWER)).toHaveLength(1);
    expect(await mentionsOf(other.members.EDITOR)).toEqual([]);

    await resolveThread(members.EDITOR, first.id);
    expect(await mentionsOf(members.EDITOR)).toEqual([]);
  });
});
