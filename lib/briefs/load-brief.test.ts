import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { BRIEF_ACTIONS, type Member, type Role } from "@/lib/policy/can";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import { domainCode as code } from "@/lib/test/domain-code";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { loadBrief, loadBriefForUser, nullWhenRefused } from "./load-brief";
import { briefPermissions } from "./permissions";

withTestDatabase("load_brief");

let fixture: TestBrief;
let members: Record<Role, Member>;

beforeAll(async () => {
  fixture = await createBriefWithMembers();
  const { workspaceId, users } = fixture;
  members = {
    VIEWER: { userId: users.VIEWER.id, workspaceId, role: "VIEWER" },
    EDITOR: { userId: users.EDITOR.id, workspaceId, role: "EDITOR" },
    APPROVER: { userId: users.APPROVER.id, workspaceId, role: "APPROVER" },
    ADMIN: { userId: users.ADMIN.id, workspaceId, role: "ADMIN" },
  };
});

describe("loadBrief", () => {
  it("returns the asked columns and a resource carrying the brief's and workspace's settings", async () => {
    await db.workspace.update({
      where: { id: fixture.workspaceId },
      data: { viewersMayComment: true },
    });
    try {
      const brief = await loadBrief(members.VIEWER, fixture.briefId, "brief.comment", {
        select: { title: true, workspace: { select: { slug: true } } },
      });
      expect(brief.title).toMatch(/^Brief /);
      expect(typeof brief.workspace.slug).toBe("string");
      expect(brief.resource).toEqual({
        kind: "brief",
        workspaceId: fixture.workspaceId,
        deletedAt: null,
        publicLink: false,
        viewersMayComment: true,
      });
    } finally {
      await db.workspace.update({
        where: { id: fixture.workspaceId },
        data: { viewersMayComment: false },
      });
    }
    expect(await code(loadBrief(members.VIEWER, fixture.briefId, "brief.comment"))).toBe(
      "forbidden",
    );
  });

  it("answers notFound to those who may not read, forbidden to readers refused the action", async () => {
    const outsider: Member = { ...members.ADMIN, workspaceId: crypto.randomUUID() };
    expect(await code(loadBrief(outsider, fixture.briefId, "brief.read"))).toBe("notFound");
    expect(await code(loadBrief(members.VIEWER, fixture.briefId, "brief.edit"))).toBe("forbidden");
    expect(await code(loadBrief(members.ADMIN, crypto.randomUUID(), "brief.read"))).toBe(
      "notFound",
    );
    expect(
      await code(loadBrief(members.ADMIN, "------------------------------------", "brief.read")),
    ).toBe("notFound");
  });

  it("reads inside the caller's transaction", async () => {
    const title = await db
      .$transaction(async (tx) => {
        await tx.brief.update({ where: { id: fixture.briefId }, data: { title: "Inside" } });
        const brief = await loadBrief(members.EDITOR, fixture.briefId, "brief.edit", {
          tx,
          select: { title: true },
        });
        throw Object.assign(new Error("rollback"), { title: brief.title });
      })
      .catch((error: { title?: string }) => error.title);
    expect(title).toBe("Inside");
  });
});

describe("loadBriefForUser", () => {
  it("finds the user's membership, and lets a visitor in only where the link is public", async () => {
    const slug = `load-brief-${fixture.briefId.slice(0, 8)}`;
    await db.brief.update({ where: { id: fixture.briefId }, data: { slug } });
    const { member } = await loadBriefForUser(
      fixture.users.EDITOR.id,
      { id: fixture.briefId },
      "brief.edit",
    );
    expect(member?.role).toBe("EDITOR");

    expect(await code(loadBriefForUser(null, { slug }, "brief.readVersions"))).toBe("notFound");
    expect(
      await code(loadBriefForUser(fixture.users.outsider.id, { slug }, "brief.readVersions")),
    ).toBe("notFound");
    await db.brief.update({
      where: { id: fixture.briefId },
      data: { publicLink: true, tlp: "CLEAR" },
    });
    const visit = await loadBriefForUser(null, { slug }, "brief.readVersions");
    expect(visit.member).toBeNull();
    expect(visit.brief.id).toBe(fixture.briefId);
    // A public link opens the published versions, never the draft.
    expect(await nullWhenRefused(loadBriefForUser(null, { slug }, "brief.read"))).toBeNull();
    await db.brief.update({ where: { id: fixture.briefId }, data: { publicLink: false } });
  });
});

describe("briefPermissions", () => {
  it("answers every brief action as the policy does", async () => {
    const viewer = await loadBrief(members.VIEWER, fixture.briefId, "brief.read");
    const permissions = briefPermissions(members.VIEWER, viewer.resource);
    expect(permissions).toMatchObject({
      canRead: true,
      canEdit: false,
      canComment: false,
      canReadVersions: true,
      canExport: true,
      canApprove: false,
    });
    const approver = briefPermissions(members.APPROVER, viewer.resource);
    expect(approver).toMatchObject({ canEdit: true, canApprove: true, canRestore: false });
    expect(Object.keys(approver)).toHaveLength(BRIEF_ACTIONS.length);
  });
});
