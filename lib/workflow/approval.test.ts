import { beforeAll, describe, expect, it } from "vitest";
import { compactBrief } from "@/lib/collab/compaction";
import { AFTER_COMPACTION } from "@/lib/workflow/collab-hooks";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { publish } from "./publish";
import { reviewPanel } from "./queries";
import { approve, submitForReview } from "./service";
import { addMember, deleteLastBlock, newBrief, typeParagraph } from "./test-helpers";

withTestDatabase("workflow-approval");

let workspaceId: string;
let members: Record<Role, Member>;
let secondApprover: Member;
const code = domainCode;

beforeAll(async () => {
  ({ workspaceId, members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]));
  secondApprover = await addMember(workspaceId, "APPROVER");
});

async function brief(id: string) {
  return db.brief.findUniqueOrThrow({ where: { id } });
}

async function submitted(writer: Member = members.EDITOR) {
  const id = await newBrief(members.EDITOR);
  await typeParagraph(id, writer.userId, "Attack on the Gao road.");
  await submitForReview(members.EDITOR, id);
  return id;
}

describe("four-eyes rule", () => {
  it("refuses an approver whose edit is still in the update log, allows another approver", async () => {
    const id = await submitted();
    await typeParagraph(id, members.APPROVER.userId, "Fixed a date.");
    expect((await reviewPanel(members.APPROVER, id))!.fourEyesBlocked).toBe(true);
    expect(await code(approve(members.APPROVER, id))).toBe("workflowFourEyes");
    expect((await brief(id)).status).toBe("IN_REVIEW");
    expect((await reviewPanel(secondApprover, id))!.fourEyesBlocked).toBe(false);
    expect(await code(approve(secondApprover, id))).toBe("ok");
  });

  it("refuses an approver whose edit was compacted (recorded as a contributor)", async () => {
    const id = await submitted(members.APPROVER);
    await compactBrief(id, { afterCompaction: AFTER_COMPACTION });
    expect(await db.briefUpdate.count({ where: { briefId: id } })).toBe(0);
    const contributor = await db.briefContributor.findUniqueOrThrow({
      where: { briefId_userId: { briefId: id, userId: members.APPROVER.userId } },
    });
    expect(contributor.lastEditedAt.getTime()).toBeGreaterThanOrEqual(
      contributor.firstEditedAt.getTime(),
    );
    expect(await code(approve(members.APPROVER, id))).toBe("workflowFourEyes");
    expect(await code(approve(members.ADMIN, id))).toBe("ok");
  });

  it("allows the editing approver when the workspace turned the rule off", async () => {
    const other = await workspaceWith(["EDITOR", "APPROVER"]);
    await db.workspace.update({ where: { id: other.workspaceId }, data: { fourEyes: false } });
    const id = await newBrief(other.members.EDITOR);
    await typeParagraph(id, other.members.APPROVER.userId, "I wrote this myself.");
    await submitForReview(other.members.EDITOR, id);
    expect(await code(approve(other.members.APPROVER, id))).toBe("ok");
  });

  it("only counts edits of the current review cycle (since the last publication)", async () => {
    const id = await submitted(members.APPROVER);
    await approve(secondApprover, id);
    await publish(secondApprover, id, { publicLink: false });
    // The approver's old edits predate the new cycle; someone else revises.
    await typeParagraph(id, members.EDITOR.userId, "Update for v2.");
    await compactBrief(id, { afterCompaction: AFTER_COMPACTION });
    expect((await brief(id)).status).toBe("DRAFT");
    await submitForReview(members.EDITOR, id);
    expect(await code(approve(members.APPROVER, id))).toBe("ok");
  });
});

describe("approval hash", () => {
  it("returns an approved brief to DRAFT when compaction merges an edit", async () => {
    const id = await submitted();
    await approve(members.APPROVER, id);
    await typeParagraph(id, members.EDITOR.userId, "A late addition.");
    expect((await brief(id)).status).toBe("APPROVED"); // not merged yet
    await compactBrief(id, { afterCompaction: AFTER_COMPACTION });
    const after = await brief(id);
    expect(after).toMatchObject({ status: "DRAFT", approvedHash: null, approvedById: null });
    const last = await db.briefTransition.findFirstOrThrow({
      where: { briefId: id },
      orderBy: { createdAt: "desc" },
    });
    expect(last).toMatchObject({
      kind: "EDITED_AFTER_APPROVAL",
      fromStatus: "APPROVED",
      toStatus: "DRAFT",
      actorId: members.EDITOR.userId,
    });
  });

  it("keeps the approval when an edit is undone before compaction", async () => {
    const id = await submitted();
    await compactBrief(id, { afterCompaction: AFTER_COMPACTION });
    await approve(members.APPROVER, id);
    const approvedHash = (await brief(id)).approvedHash;
    await typeParagraph(id, members.EDITOR.userId, "Oops.");
    await deleteLastBlock(id, members.EDITOR.userId);
    await compactBrief(id, { afterCompaction: AFTER_COMPACTION });
    expect(await brief(id)).toMatchObject({ status: "APPROVED", approvedHash });
    expect(
      await db.briefTransition.count({ where: { briefId: id, kind: "EDITED_AFTER_APPROVAL" } }),
    ).toBe(0);
  });

  it("returns a published brief to DRAFT when its text changes, keeping the version", async () => {
    const id = await submitted();
    await approve(members.APPROVER, id);
    await publish(members.APPROVER, id, { publicLink: false });
    await typeParagraph(id, members.EDITOR.userId, "Drafting v2.");
    await compactBrief(id, { afterCompaction: AFTER_COMPACTION });
    expect((await brief(id)).status).toBe("DRAFT");
    const last = await db.briefTransition.findFirstOrThrow({
      where: { briefId: id },
      orderBy: { createdAt: "desc" },
    });
    expect(last).toMatchObject({ kind: "EDITED_AFTER_APPROVAL", fromStatus: "PUBLISHED" });
    expect(await db.briefVersion.count({ where: { briefId: id } })).toBe(1);
  });

  it("refuses to publish content that changed since approval and sends it back to DRAFT", async () => {
    const id = await submitted();
    await approve(members.APPROVER, id);
    await typeParagraph(id, members.EDITOR.userId, "Edited while approved."); // not compacted
    expect(await code(publish(members.APPROVER, id, { publicLink: true }))).toBe(
      "workflowChangedSinceApproval",
    );
    expect(await brief(id)).toMatchObject({ status: "DRAFT", approvedHash: null });
    expect(await db.briefVersion.count({ where: { briefId: id } })).toBe(0);
    const last = await db.briefTransition.findFirstOrThrow({
      where: { briefId: id },
      orderBy: { createdAt: "desc" },
    });
    expect(last).toMatchObject({ kind: "EDITED_AFTER_APPROVAL", actorId: members.EDITOR.userId });
  });
});
