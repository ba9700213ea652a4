import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import type { Member, Role } from "@/lib/policy/can";
import { workspaceWith } from "@/lib/test/factories";
import { domainCode } from "@/lib/test/domain-code";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { acceptInvitation, viewInvitation } from "./accept-invitation";
import { changeRole, inviteMember, removeMember, revokeInvitation } from "./service";

withTestDatabase("members");

let members: Record<Role, Member>;

beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]));
});

const code = domainCode;
/** Where the acceptances come from (the action reads it from the request). */
const FROM = { ip: "192.0.2.50" };

describe("invitations", () => {
  it("only admins invite; the link creates an account and a membership once", async () => {
    expect(
      await code(inviteMember(members.EDITOR, { email: "x@example.test", role: "EDITOR" })),
    ).toBe("forbidden");
    const { token } = await inviteMember(members.ADMIN, {
      email: " New.Analyst@Example.test ",
      role: "EDITOR",
    });
    const stored = await db.invitation.findFirstOrThrow({
      where: { email: "new.analyst@example.test" },
    });
    expect(stored.tokenHash).not.toContain(token);

    expect(await viewInvitation(token)).toMatchObject({
      email: "new.analyst@example.test",
      hasAccount: false,
    });
    expect(await code(acceptInvitation(token, { name: "N", password: "short" }, FROM))).toBe(
      "passwordTooShort",
    );
    await acceptInvitation(token, { name: "New Analyst", password: "correct horse battery" }, FROM);
    const user = await db.user.findUniqueOrThrow({
      where: { email: "new.analyst@example.test" },
      select: {
        id: true,
        passwordHash: true,
        memberships: { select: { role: true, workspaceId: true } },
      },
    });
    expect(await verifyPassword(user.passwordHash!, "correct horse battery")).toBe(true);
    expect(user.memberships).toEqual([{ role: "EDITOR", workspaceId: members.ADMIN.workspaceId }]);
    expect(
      await code(
        acceptInvitation(token, { name: "Again", password: "correct horse battery" }, FROM),
      ),
    ).toBe("invitationUsed");
  });

  it("refuses expired, revoked and made-up links, and members already in", async () => {
    const expired = await inviteMember(members.ADMIN, {
      email: "late@example.test",
      role: "VIEWER",
    });
    await db.invitation.updateMany({
      where: { email: "late@example.test" },
      data: { expiresAt: new Date(0) },
    });
    expect(
      await code(acceptInvitation(expired.token, { name: "L", password: "long enough pw" }, FROM)),
    ).toBe("invitationExpired");
    const revoked = await inviteMember(members.ADMIN, {
      email: "revoked@example.test",
      role: "VIEWER",
    });
    const row = await db.invitation.findFirstOrThrow({ where: { email: "revoked@example.test" } });
    await revokeInvitation(members.ADMIN, row.id);
    expect(await code(viewInvitation(revoked.token))).toBe("invitationInvalid");
    expect(await code(viewInvitation("forged"))).toBe("invitationInvalid");
    const editorEmail = (await db.user.findUniqueOrThrow({ where: { id: members.EDITOR.userId } }))
      .email;
    expect(await code(inviteMember(members.ADMIN, { email: editorEmail, role: "VIEWER" }))).toBe(
      "alreadyMember",
    );
    expect(
      await db.user.count({
        where: { email: { in: ["late@example.test", "revoked@example.test"] } },
      }),
    ).toBe(0);
  });

  it("asks an existing account for its password instead of creating another", async () => {
    const other = await workspaceWith(["ADMIN"]);
    const existing = await db.user.findUniqueOrThrow({ where: { id: members.VIEWER.userId } });
    await db.user.update({ where: { id: existing.id }, data: { passwordHash: null } });
    const { token } = await inviteMember(other.members.ADMIN, {
      email: existing.email,
      role: "EDITOR",
    });
    expect(await viewInvitation(token)).toMatchObject({ hasAccount: true });
    expect(await code(acceptInvitation(token, { password: "whatever-password" }, FROM))).toBe(
      "wrongPassword",
    );
  });
});

describe("roles", () => {
  it("changes roles, refuses changing one's own and removing the last admin", async () => {
    expect(await code(changeRole(members.EDITOR, members.VIEWER.userId, "EDITOR"))).toBe(
      "forbidden",
    );
    expect(await code(changeRole(members.ADMIN, members.ADMIN.userId, "VIEWER"))).toBe(
      "cannotChangeOwnRole",
    );
    expect(await code(changeRole(members.ADMIN, members.APPROVER.userId, "ADMIN"))).toBe("ok");
    // With two admins, the approver-turned-admin can demote the first one back and forth.
    const second: Member = { ...members.APPROVER, role: "ADMIN" };
    expect(await code(changeRole(second, members.ADMIN.userId, "EDITOR"))).toBe("ok");
    expect(await code(removeMember(second, members.ADMIN.userId))).toBe("ok");
    const solo = await workspaceWith(["ADMIN", "EDITOR"]);
    expect(
      await code(
        removeMember({ ...solo.members.EDITOR, role: "ADMIN" }, solo.members.ADMIN.userId),
      ),
    ).toBe("lastAdmin");
    expect(
      await code(changeRole(solo.members.ADMIN, solo.members.EDITOR.userId, "BOSS" as Role)),
    ).toBe("validation");
  });
});
