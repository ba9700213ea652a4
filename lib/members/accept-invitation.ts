import { db } from "@/lib/db";
import { UNKNOWN_IP } from "@/lib/auth/client-ip";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  clearLoginFailures,
  isLoginBlocked,
  recordLoginFailure,
  signInSource,
} from "@/lib/auth/rate-limit";
import { isThrottled, recordHit, type ThrottleRule } from "@/lib/auth/throttle";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
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

/**
 * Accepting an invitation checks a password (for an existing account) or creates one, so it
 * is throttled like sign-in: failures per address (made-up, used or expired links, wrong
 * passwords) and wrong passwords per invitation link. A wrong password also counts against
 * the account exactly as a failed sign-in does, so the form is no way around that limit.
 */
export const INVITATION_FAILURES_PER_IP: ThrottleRule = {
  bucket: "invitation.ip",
  max: 20,
  windowMs: 15 * 60 * 1000,
};
export const INVITATION_FAILURES_PER_TOKEN: ThrottleRule = {
  bucket: "invitation.token",
  max: 10,
  windowMs: 15 * 60 * 1000,
};

/** Where an acceptance comes from (the action reads it from the request). */
export type AcceptRequest = { ip: string; deviceCookie?: string | null };

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
  request: AcceptRequest,
): Promise<{ email: string; workspaceSlug: string }> {
  const { name, password } = parseOrThrow(acceptInvitationSchema, input);
  // Without a trusted address every visitor shares one, and a per-address limit would let
  // anyone block every invitation; the per-link and per-account limits still apply.
  const ipKnown = request.ip !== UNKNOWN_IP;
  const tokenKey = token.length <= 200 ? hashInvitationToken(token) : "";
  if (
    (ipKnown && (await isThrottled(INVITATION_FAILURES_PER_IP, request.ip))) ||
    (await isThrottled(INVITATION_FAILURES_PER_TOKEN, tokenKey))
  ) {
    throw new DomainError("rateLimited");
  }
  const failed = async () => {
    if (ipKnown) await recordHit(INVITATION_FAILURES_PER_IP, request.ip);
  };

  const invitation = await usableInvitation(token).catch(async (error: unknown) => {
    if (isDomainError(error)) await failed();
    throw error;
  });
  const existing = await db.user.findUnique({
    where: { email: invitation.email },
    select: { id: true, passwordHash: true },
  });
  if (existing) {
    const source = signInSource(invitation.email, request);
    if (await isLoginBlocked(invitation.email, source)) throw new DomainError("rateLimited");
    if (!(existing.passwordHash && (await verifyPassword(existing.passwordHash, password)))) {
      await failed();
      await recordHit(INVITATION_FAILURES_PER_TOKEN, tokenKey);
      await recordLoginFailure(invitation.email, source);
      throw new DomainError("wrongPassword");
    }
    await clearLoginFailures(invitation.email, source);
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
