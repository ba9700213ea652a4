import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { can, type Member, type Role } from "@/lib/policy/can";
import { parseOrThrow } from "@/lib/validation/parse";
import { newInvitationToken } from "./invitation-token";
import { INVITATION_TTL_MS, inviteSchema, roleSchema } from "./schema";

function requireAdmin(member: Member): void {
  if (!can(member, "workspace.manageMembers", { kind: "workspace", id: member.workspaceId })) {
    throw new DomainError("forbidden");
  }
}

/** Creates an invitation; the returned token goes into the link and is never stored. */
export async function inviteMember(
  admin: Member,
  input: { email: string; role: Role },
  tx: Tx = db,
): Promise<{ token: string; expiresAt: Date }> {
  requireAdmin(admin);
  const { email, role } = parseOrThrow(inviteSchema, input);
  const existing = await tx.membership.findFirst({
    where: { workspaceId: admin.workspaceId, user: { email } },
    select: { id: true },
  });
  if (existing) throw new DomainError("alreadyMember", { email });
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  await tx.invitation.create({
    data: {
      workspaceId: admin.workspaceId,
      email,
      role,
      tokenHash,
      invitedById: admin.userId,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

export async function revokeInvitation(
  admin: Member,
  invitationId: string,
  tx: Tx = db,
): Promise<void> {
  requireAdmin(admin);
  const { count } = await tx.invitation.updateMany({
    where: { id: invitationId, workspaceId: admin.workspaceId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new DomainError("notFound");
}

/** A workspace must keep at least one admin, or nobody could manage it again. */
async function assertAnotherAdmin(workspaceId: string, userId: string, tx: Tx): Promise<void> {
  const admins = await tx.membership.count({
    where: { workspaceId, role: "ADMIN", userId: { not: userId } },
  });
  if (admins === 0) throw new DomainError("lastAdmin");
}

export async function changeRole(
  admin: Member,
  userId: string,
  role: Role,
  tx: Tx = db,
): Promise<void> {
  requireAdmin(admin);
  const newRole = parseOrThrow(roleSchema, role);
  if (userId === admin.userId) throw new DomainError("cannotChangeOwnRole");
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: admin.workspaceId, userId } },
    select: { id: true, role: true },
  });
  if (!membership) throw new DomainError("notFound");
  if (membership.role === "ADMIN" && newRole !== "ADMIN") {
    await assertAnotherAdmin(admin.workspaceId, userId, tx);
  }
  await tx.membership.update({ where: { id: membership.id }, data: { role: newRole } });
}

export async function removeMember(admin: Member, userId: string, tx: Tx = db): Promise<void> {
  requireAdmin(admin);
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: admin.workspaceId, userId } },
    select: { id: true, role: true },
  });
  if (!membership) throw new DomainError("notFound");
  if (membership.role === "ADMIN") await assertAnotherAdmin(admin.workspaceId, userId, tx);
  await tx.membership.delete({ where: { id: membership.id } });
}
