import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { setCitationStyleInDoc } from "@/lib/citations/brief-settings";
import { compactBrief } from "@/lib/collab/compaction";
import { AFTER_COMPACTION } from "@/lib/workflow/collab-hooks";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { domainCode } from "@/lib/test/domain-code";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { findSnapshot, listSnapshots } from "./queries";
import { beginRestore } from "./service";
import { takeSnapshot } from "./snapshots";

withTestDatabase("history");

const MINUTE = 60_000;
let brief: TestBrief;
const member = (b: TestBrief, role: Role): Member => ({
  userId: b.users[role].id,
  workspaceId: b.workspaceId,
  role,
});

/** One editing session's document per brief, so updates build on each other like a client's. */
const docs = new Map<string, Y.Doc>();
function docOf(briefId: string): Y.Doc {
  if (!docs.has(briefId)) docs.set(briefId, new Y.Doc());
  return docs.get(briefId)!;
}

/** Logs an edit by `userId` at `at` (as the collab server would), returning nothing. */
async function edit(briefId: string, userId: string, at: Date, change: (doc: Y.Doc) => void) {
  const doc = docOf(briefId);
  const before = Y.encodeStateVector(doc);
  change(doc);
  const update = Y.encodeStateAsUpdate(doc, before);
  await db.$executeRaw`
    INSERT INTO brief_updates (brief_id, update, user_id, created_at)
    VALUES (${briefId}::uuid, ${Buffer.from(update)}, ${userId}::uuid, ${at})`;
}

function paragraph(text: string) {
  return (doc: Y.Doc) => {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment("default");
    fragment.insert(fragment.length, [p]);
  };
}

const snapshots = (briefId: string) =>
  db.briefSnapshot.findMany({ where: { briefId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  brief = await createBriefWithMembers();
});

afterEach(() => {
  delete process.env.HISTORY_SNAPSHOT_INTERVAL_MS;
});

describe("automatic snapshots at compaction", () => {
  it("takes an ACTIVITY snapshot once edits span the interval, with the authors since the last one", async () => {
    process.env.HISTORY_SNAPSHOT_INTERVAL_MS = String(5 * MINUTE);
    const b = await createBriefWithMembers();
    const now = Date.now();
    await edit(
      b.briefId,
      b.users.EDITOR.id,
      new Date(now - 10 * MINUTE),
      paragraph("Convoy delayed"),
    );
    await edit(
      b.briefId,
      b.users.EDITOR.id,
      new Date(now - 9 * MINUTE),
      paragraph("at the crossing"),
    );
    await compactBrief(b.briefId, { afterCompaction: AFTER_COMPACTION });
    expect(await snapshots(b.briefId)).toHaveLength(0); // one minute of activity only

    await edit(b.briefId, b.users.ADMIN.id, new Date(now - 4 * MINUTE), paragraph("Road reopened"));
    await compactBrief(b.briefId, { afterCompaction: AFTER_COMPACTION });
    const [first, ...rest] = await snapshots(b.briefId);
    expect(rest).toHaveLength(0);
    expect(first).toMatchObject({ reason: "ACTIVITY" });
    expect(first!.contentText).toBe("Convoy delayed\nat the crossing\nRoad reopened");
    expect([...first!.authorIds].sort()).toEqual([b.users.EDITOR.id, b.users.ADMIN.id].sort());

    // Two minutes after that snapshot: not due yet.
    await edit(
      b.briefId,
      b.users.APPROVER.id,
      new Date(Date.now() + 2 * MINUTE),
      paragraph("Curfew"),
    );
    await compactBrief(b.briefId, { afterCompaction: AFTER_COMPACTION });
    expect(await snapshots(b.briefId)).toHaveLength(1);

    // Six minutes after it: due; authors are only those who edited since the last snapshot.
    await edit(
      b.briefId,
      b.users.EDITOR.id,
      new Date(Date.now() + 6 * MINUTE),
      paragraph("Lifted"),
    );
    await compactBrief(b.briefId, { afterCompaction: AFTER_COMPACTION });
    const all = await snapshots(b.briefId);
    expect(all).toHaveLength(2);
    expect(all[1]!.contentText).toContain("Curfew\nLifted");
    expect([...all[1]!.authorIds].sort()).toEqual([b.users.APPROVER.id, b.users.EDITOR.id].sort());
  });

  it("skips a snapshot when the content hash equals the last one", async () => {
    process.env.HISTORY_SNAPSHOT_INTERVAL_MS = "0";
    const b = await createBriefWithMembers();
    await edit(b.briefId, b.users.EDITOR.id, new Date(), paragraph("Same text"));
    await compactBrief(b.briefId, { afterCompaction: AFTER_COMPACTION });
    expect(await snapshots(b.briefId)).toHaveLength(1);
    // Type and delete a word: the log has edits, the content is as it was.
    await edit(b.briefId, b.users.EDITOR.id, new Date(), paragraph("tmp"));
    await edit(b.briefId, b.users.EDITOR.id, new Date(), (doc) => {
      const fragment = doc.getXmlFragment("default");
      fragment.delete(fragment.length - 1, 1);
    });
    await compactBrief(b.briefId, { afterCompaction: AFTER_COMPACTION });
    expect(await snapshots(b.briefId)).toHaveLength(1);
    // A citation style change alone is a change.
    await edit(b.briefId, b.users.EDITOR.id, new Date(), (doc) =>
      setCitationStyleInDoc(doc, "apa"),
    );
    await compactBrief(b.briefId, { afterCompaction: AFTER_COMPACTION });
    expect(await snapshots(b.briefId)).toHaveLength(2);
  });
});

describe("takeSnapshot", () => {
  it("loads the live document itself, including edits not compacted yet, and skips repeats", async () => {
    const b = await createBriefWithMembers();
    await edit(b.briefId, b.users.EDITOR.id, new Date(), paragraph("Not compacted"));
    await db.$transaction((tx) => takeSnapshot(tx, b.briefId, "TRANSITION"));
    await db.$transaction((tx) => takeSnapshot(tx, b.briefId, "TRANSITION"));
    const all = await snapshots(b.briefId);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ reason: "TRANSITION", contentText: "Not compacted" });
  });
});

describe("history queries and restore", () => {
  it("lists snapshots with author names for editors, refuses viewers and outsiders", async () => {
    process.env.HISTORY_SNAPSHOT_INTERVAL_MS = "0";
    await edit(brief.briefId, brief.users.EDITOR.id, new Date(), paragraph("Kidal"));
    await compactBrief(brief.briefId, { afterCompaction: AFTER_COMPACTION });
    const list = await listSnapshots(member(brief, "EDITOR"), brief.briefId);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      reason: "ACTIVITY",
      authors: [brief.users.EDITOR.name],
      excerpt: "Kidal",
    });
    expect(await domainCode(listSnapshots(member(brief, "VIEWER"), brief.briefId))).toBe(
      "forbidden",
    );
    const other = await createBriefWithMembers();
    expect(await domainCode(listSnapshots(member(other, "ADMIN"), brief.briefId))).toBe("notFound");
    expect(
      await domainCode(findSnapshot(member(brief, "VIEWER"), brief.briefId, list[0]!.id)),
    ).toBe("forbidden");
    expect(await domainCode(findSnapshot(member(other, "ADMIN"), other.briefId, list[0]!.id))).toBe(
      "notFound",
    );
  });

  it("begins a restore by recording the draft as BEFORE_RESTORE and returns the snapshot's content and style", async () => {
    process.env.HISTORY_SNAPSHOT_INTERVAL_MS = "0";
    const b = await createBriefWithMembers();
    await edit(b.briefId, b.users.EDITOR.id, new Date(), (doc) => {
      paragraph("Original")(doc);
      setCitationStyleInDoc(doc, "apa");
    });
    await compactBrief(b.briefId, { afterCompaction: AFTER_COMPACTION });
    const [original] = await snapshots(b.briefId);
    await edit(b.briefId, b.users.EDITOR.id, new Date(), paragraph("Later change"));

    expect(await domainCode(beginRestore(member(b, "VIEWER"), b.briefId, original!.id))).toBe(
      "forbidden",
    );
    const payload = await beginRestore(member(b, "EDITOR"), b.briefId, original!.id);
    expect(payload.citationStyle).toBe("apa");
    expect(JSON.stringify(payload.contentJson)).toContain("Original");
    expect(JSON.stringify(payload.contentJson)).not.toContain("Later change");
    const before = await db.briefSnapshot.findUniqueOrThrow({
      where: { id: payload.beforeRestoreId! },
    });
    expect(before).toMatchObject({
      reason: "BEFORE_RESTORE",
      contentText: "Original\nLater change",
    });
    // The draft itself is untouched: the browser applies the restore as a live edit.
    expect(await db.briefUpdate.count({ where: { briefId: b.briefId } })).toBe(1);
  });
});
