/**
 * The title is part of what is approved and published: renaming an approved brief returns
 * it to DRAFT as an edit does, and a title changed behind the approval's back (any path
 * that skips renameBrief) is caught by the approval hash when publishing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { renameBrief } from "./rename";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { publish } from "./publish";
import { reviewPanel } from "./queries";
import { approve, submitForReview } from "./service";
import { newBrief, typeParagraph } from "./test-helpers";

withTestDatabase("workflow_rename_after_approval");

let members: Record<Role, Member>;

beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]));
});

async function approvedBrief(): Promise<string> {
  const id = await newBrief(members.EDITOR, "Kayes: the road to Diéma");
  await typeParagraph(id, members.EDITOR.userId, "Convoys now travel under escort.");
  await submitForReview(members.EDITOR, id);
  await approve(members.APPROVER, id);
  return id;
}

const brief = (id: string) =>
  db.brief.findUniqueOrThrow({
    where: { id },
    select: { status: true, approvedHash: true, title: true },
  });

describe("renaming an approved brief", () => {
  it("returns it to DRAFT, clears the approval and says so in the audit log", async () => {
    const id = await approvedBrief();
    await renameBrief(members.EDITOR, id, "Kayes: JNIM controls the road");
    expect(await brief(id)).toMatchObject({
      status: "DRAFT",
      approvedHash: null,
      title: "Kayes: JNIM controls the road",
    });
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
    expect(last.data).toMatchObject({ renamed: { to: "Kayes: JNIM controls the road" } });
    const panel = await reviewPanel(members.EDITOR, id);
    expect(panel?.log[0]?.kind).toBe("RENAMED_AFTER_APPROVAL");
    expect(await domainCode(publish(members.APPROVER, id, { publicLink: false }))).toBe(
      "workflowInvalidTransition",
    );
    expect(await db.briefVersion.count({ where: { briefId: id } })).toBe(0);
  });

  it("returns a published brief to DRAFT too, leaving the published version's title as it was", async () => {
    const id = await approvedBrief();
    const v1 = await publish(members.APPROVER, id, { publicLink: false });
    const { title } = await brief(id);
    await renameBrief(members.EDITOR, id, "Renamed after publication");
    expect((await brief(id)).status).toBe("DRAFT");
    const version = await db.briefVersion.findUniqueOrThrow({ where: { id: v1.versionId } });
    expect(version.title).toBe(title);
  });

  it("keeps the approval when the title is set to what it already is", async () => {
    const id = await approvedBrief();
    const before = await brief(id);
    await renameBrief(members.EDITOR, id, before.title);
    expect(await brief(id)).toMatchObject({
      status: "APPROVED",
      approvedHash: before.approvedHash,
    });
  });

  it("renames a draft without a workflow step", async () => {
    const id = await newBrief(members.EDITOR);
    await renameBrief(members.EDITOR, id, "Nioro du Sahel");
    expect(await brief(id)).toMatchObject({ status: "DRAFT", title: "Nioro du Sahel" });
    expect(await db.briefTransition.count({ where: { briefId: id } })).toBe(0);
  });
});

describe("publishing checks the approved title", () => {
  it("refuses a title nobody approved, even one changed without renameBrief", async () => {
    const id = await approvedBrief();
    // As a migration, a script or a future code path might: straight to the row.
    await db.brief.update({ where: { id }, data: { title: "A title nobody approved" } });
    expect(await domainCode(publish(members.APPROVER, id, { publicLink: false }))).toBe(
      "workflowChangedSinceApproval",
    );
    expect(await db.briefVersion.count({ where: { briefId: id } })).toBe(0);
    expect((await brief(id)).status).toBe("DRAFT");
  });

  it("publishes the approved title, and the version's hash covers it", async () => {
    const id = await approvedBrief();
    const { title, approvedHash } = await brief(id);
    const v1 = await publish(members.APPROVER, id, { publicLink: false });
    const version = await db.briefVersion.findUniqueOrThrow({ where: { id: v1.versionId } });
    expect(version).toMatchObject({ title, contentHash: approvedHash });
  });
});
