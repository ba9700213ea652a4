import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors/domain-error";
import { parseOrThrow } from "@/lib/validation/parse";
import { hashInvitationToken } from "./invitation-token";
import { acceptInvitationSchema } from "./schema";

export type InvitationView = {
  email: string;
  role: string;
  workspaceName: string;
  workspaceSlug: string;
  /** True when an account with this email exists: the invitee signs in instead of signing up. */
  hasAccount: boolean;
};

async function usableInvitation(token: string) {
  if (!token || token.length > 200) throw new DomainError("invitationInvalid");
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      workspaceId: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true, slug: true } },
    },
  });
  if (!invitation || invitation.revokedAt) throw new DomainError("invitationInvalid");
  if (invitation.acceptedAt) throw new DomainError("invitationUsed");
  if (invitation.expiresAt < new Date()) throw new DomainError("invitationExpired");
  return invitation;
}

export async function viewInvitation(token: string): Promise<InvitationView> {
  const invitation = await usableInvitation(token);
  const user = await db.user.findUnique({
    where: { email: invitation.email },
    select: { id: true },
  });
  return {
    email: invitation.email,
    role: invitation.role,
    workspaceName: invitation.workspace.name,
    workspaceSlug: invitation.workspace.slug,
    hasAccount: user !== null,
  };
}

/**
 * Accepts an invitation: creates the account (or, for an existing account, checks its
 * password) and the membership, all in one transaction that also marks the invitation used,
 * so two clicks cannot create two memberships.
 */
export async function acceptInvitation(
  token: string,
  input: { name?: string; password: string },
): Promise<{ email: string; workspaceSlug: string }> {
  const { name, password } = parseOrThrow(acceptInvitationSchema, input);
  const invitation = await usableInvitation(token);
  const existing = await db.user.findUnique({
    where: { email: invitation.email },
    select: { id: true, passwordHash: true },
  });
  if (
    existing &&
    !(existing.passwordHash && (await verifyPassword(existing.passwordHash, password)))
  ) {
    throw new DomainError("wrongPassword");
  }
  const passwordHash = existing ? null : await hashPassword(password);

  await db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw new DomainError("invitationUsed");
    const userId =
      existing?.id ??
      (
        await tx.user.create({
          data: {
            email: invitation.email,
            name: name || invitation.email.split("@")[0] || invitation.email,
            passwordHash,
          },
          select: { id: true },
        })
      ).id;
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } },
      create: { workspaceId: invitation.workspaceId, userId, role: invitation.role },
      update: {},
    });
  });
  return { email: invitation.email, workspaceSlug: invitation.workspace.slug };
}
