import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { setCitationStyleInDoc } from "../citations/brief-settings";
import { db } from "../db";
import { updateToText } from "../editor/to-text";
import { withTestDatabase } from "../test/with-test-database";
import { loadBriefState, storedStateAsUpdate } from "../documents/stored-state";
import { AFTER_COMPACTION } from "../workflow/collab-hooks";
import { compactBrief } from "./compaction";
import { isWellFormedUpdate } from "./sync-frame";
import { appendParagraph } from "./test-clients";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import { asBytes, UpdateLogWriter } from "./update-log";

withTestDatabase("collab-brief-state");

let brief: TestBrief;
beforeAll(async () => {
  brief = await createBriefWithMembers();
});

/** `count` editors, each typing one paragraph; returns every editor's updates in order. */
function editorsTyping(count: number, label: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const doc = new Y.Doc();
    doc.on("update", (update: Uint8Array) => updates.push(update));
    appendParagraph(doc, `${label} ${i}`);
  }
  return updates;
}

async function storedText(briefId: string): Promise<string> {
  return updateToText(storedStateAsUpdate(await loadBriefState(briefId)));
}

describe("update log and compaction", () => {
  it("group-commits concurrent appends into few INSERTs and loses none", async () => {
    const own = await createBriefWithMembers();
    const writer = new UpdateLogWriter(db);
    const updates = editorsTyping(500, "line");
    await Promise.all(
      updates.map((update) => writer.append(own.briefId, update, own.users.EDITOR.id)),
    );

    expect(await db.briefUpdate.count({ where: { briefId: own.briefId } })).toBe(500);
    expect(writer.stats.rows).toBe(500);
    expect(writer.stats.batches).toBeLessThanOrEqual(20);
    const lines = (await storedText(own.briefId)).split("\n");
    expect(new Set(lines)).toEqual(new Set(Array.from({ length: 500 }, (_, i) => `line ${i}`)));
  });

  it("folds the log into the snapshot, content JSON and Brief.contentText, and deletes what it merged", async () => {
    const writer = new UpdateLogWriter(db);
    for (const update of editorsTyping(3, "paragraph"))
      await writer.append(brief.briefId, update, null);

    const result = await compactBrief(brief.briefId, { afterCompaction: AFTER_COMPACTION });
    expect(result.mergedUpdates).toBe(3);
    expect(await db.briefUpdate.count({ where: { briefId: brief.briefId } })).toBe(0);

    const document = await db.briefDocument.findUniqueOrThrow({
      where: { briefId: brief.briefId },
    });
    const text = updateToText(document.state);
    expect(text.split("\n").sort()).toEqual(["paragraph 0", "paragraph 1", "paragraph 2"]);
    expect(JSON.stringify(document.contentJson)).toContain("paragraph 1");
    const { contentText } = await db.brief.findUniqueOrThrow({
      where: { id: brief.briefId },
      select: { contentText: true },
    });
    expect(contentText).toBe(text);

    expect(
      (await compactBrief(brief.briefId, { afterCompaction: AFTER_COMPACTION })).mergedUpdates,
    ).toBe(0);
    expect(await storedText(brief.briefId)).toBe(text);
  });

  it("derives Brief.citationStyle from the document's settings map", async () => {
    const own = await createBriefWithMembers();
    const writer = new UpdateLogWriter(db);
    const style = async () =>
      (await db.brief.findUniqueOrThrow({ where: { id: own.briefId } })).citationStyle;
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    appendParagraph(doc, "no style yet");
    for (const update of updates.splice(0)) await writer.append(own.briefId, update, null);
    await compactBrief(own.briefId, { afterCompaction: AFTER_COMPACTION });
    expect(await style()).toBe("chicago-note-bibliography");

    setCitationStyleInDoc(doc, "apa");
    for (const update of updates.splice(0)) await writer.append(own.briefId, update, null);
    await compactBrief(own.briefId, { afterCompaction: AFTER_COMPACTION });
    expect(await style()).toBe("apa");
  });

  it("loses nothing when compactions race with each other and with appends", async () => {
    const own = await createBriefWithMembers();
    const writer = new UpdateLogWriter(db);
    const updates = editorsTyping(300, "race");
    const appends = updates.map(async (update, i) => {
      if (i % 50 === 0) await compactBrief(own.briefId, { afterCompaction: AFTER_COMPACTION });
      await writer.append(own.briefId, update, null);
    });
    await Promise.all([
      ...appends,
      compactBrief(own.briefId, { afterCompaction: AFTER_COMPACTION }),
      compactBrief(own.briefId, { afterCompaction: AFTER_COMPACTION }),
    ]);
    await compactBrief(own.briefId, { afterCompaction: AFTER_COMPACTION });

    expect(await db.briefUpdate.count({ where: { briefId: own.briefId } })).toBe(0);
    expect((await storedText(own.briefId)).split("\n").length).toBe(300);
  });

  it("still loads rows that commit below compactedThrough (sequence ids commit out of order)", async () => {
    const own = await createBriefWithMembers();
    const writer = new UpdateLogWriter(db);
    const [early, late] = editorsTyping(2, "ordered");
    await writer.append(own.briefId, early!, null);
    await compactBrief(own.briefId, { afterCompaction: AFTER_COMPACTION });
    const { compactedThrough } = await db.briefDocument.findUniqueOrThrow({
      where: { briefId: own.briefId },
    });
    // A batch that drew its id before the compaction but committed after it.
    await db.briefUpdate.create({
      data: { id: compactedThrough - 1n, briefId: own.briefId, update: asBytes(late!) },
    });

    expect((await storedText(own.briefId)).split("\n").sort()).toEqual(["ordered 0", "ordered 1"]);
    await compactBrief(own.briefId, { afterCompaction: AFTER_COMPACTION });
    expect((await storedText(own.briefId)).split("\n").sort()).toEqual(["ordered 0", "ordered 1"]);
  });

  it("skips an unreadable stored row instead of making the brief unopenable", async () => {
    const own = await createBriefWithMembers();
    const writer = new UpdateLogWriter(db);
    for (const update of editorsTyping(2, "kept")) await writer.append(own.briefId, update, null);
    const unreadable = new Uint8Array([5, 250, 1, 2, 3]);
    expect(isWellFormedUpdate(unreadable)).toBe(false);
    await db.briefUpdate.create({ data: { briefId: own.briefId, update: asBytes(unreadable) } });

    expect((await storedText(own.briefId)).split("\n").sort()).toEqual(["kept 0", "kept 1"]);
    await compactBrief(own.briefId, { afterCompaction: AFTER_COMPACTION });
    expect(
      updateToText(
        (await db.briefDocument.findUniqueOrThrow({ where: { briefId: own.briefId } })).state,
      )
        .split("\n")
        .sort(),
    ).toEqual(["kept 0", "kept 1"]);
  });
});
