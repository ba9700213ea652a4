/**
 * The one way in to a brief. Pages, server actions, route handlers, services and the
 * collaboration server load a brief through these functions, which read what access depends
 * on from the row (nothing optional, so no caller can forget a setting), ask can(), and
 * decide between notFound and forbidden in one place. A new access rule changes this file
 * and lib/policy only.
 */
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type BriefAction, type BriefResource, type Member } from "@/lib/policy/can";
import { isUuid } from "@/lib/validation/uuid";
import { findMemberForWorkspace } from "@/lib/workspaces/queries";

/** Everything the policy needs to know about a brief. */
export type BriefAccessFields = {
  workspaceId: string;
  deletedAt: Date | null;
  publicLink: boolean;
  viewersMayComment: boolean;
};

/** The brief as a policy resource (for code that read the row itself, e.g. under a row lock). */
export function briefResource(fields: BriefAccessFields): BriefResource {
  return {
    kind: "brief",
    workspaceId: fields.workspaceId,
    deletedAt: fields.deletedAt,
    publicLink: fields.publicLink,
    viewersMayComment: fields.viewersMayComment,
  };
}

/**
 * Throws unless `member` may do `action` on the brief. Someone who may not even read it
 * learns nothing about its existence (notFound); a reader refused something else is told
 * it is forbidden.
 */
export function authorizeBrief(
  member: Member | null,
  action: BriefAction,
  resource: BriefResource,
): void {
  if (can(member, action, resource)) return;
  throw new DomainError(can(member, "brief.read", resource) ? "forbidden" : "notFound");
}

/** Extra columns a caller wants with the brief; the workspace only as a nested select. */
export type BriefExtraSelect = Omit<Prisma.BriefSelect, "workspace"> & {
  workspace?: { select: Prisma.WorkspaceSelect };
};

type Options<S> = { tx?: Tx; select?: S };

const ACCESS_SELECT = { id: true, workspaceId: true, deletedAt: true, publicLink: true } as const;

/** The brief row with the columns asked for, its access fields and its policy resource. */
export type LoadedBrief<S extends BriefExtraSelect> = Prisma.BriefGetPayload<{ select: S }> &
  BriefAccessFields & { id: string; resource: BriefResource };

async function findBriefRow<S extends BriefExtraSelect>(
  where: Prisma.BriefWhereInput,
  select: S | undefined,
  tx: Tx,
): Promise<LoadedBrief<S> | null> {
  const extra: BriefExtraSelect = select ?? {};
  const row = await tx.brief.findFirst({
    where,
    select: {
      ...extra,
      ...ACCESS_SELECT,
      workspace: { select: { ...extra.workspace?.select, viewersMayComment: true } },
    },
  });
  if (!row) return null;
  const fields: BriefAccessFields = {
    workspaceId: row.workspaceId,
    deletedAt: row.deletedAt,
    publicLink: row.publicLink,
    viewersMayComment: row.workspace.viewersMayComment,
  };
  // The row holds exactly the columns of `select` plus the access ones: Prisma cannot type a
  // select spread from a generic, hence the cast.
  return {
    ...(row as unknown as Prisma.BriefGetPayload<{ select: S }>),
    ...fields,
    id: row.id,
    resource: briefResource(fields),
  };
}

/**
 * A brief of `member`'s workspace on which they may do `action`, with the columns of
 * `select`. Throws notFound for a malformed or unknown id, a brief of another workspace, or
 * one the member may not read; forbidden for a readable brief they may not act on.
 */
export async function loadBrief<S extends BriefExtraSelect = Record<never, never>>(
  member: Member,
  briefId: string,
  action: BriefAction,
  { tx = db, select }: Options<S> = {},
): Promise<LoadedBrief<S>> {
  if (!isUuid(briefId)) throw new DomainError("notFound");
  const brief = await findBriefRow({ id: briefId, workspaceId: member.workspaceId }, select, tx);
  if (!brief) throw new DomainError("notFound");
  authorizeBrief(member, action, brief.resource);
  return brief;
}

/**
 * A brief addressed without a workspace (by id: route handlers, the collab server; by slug:
 * the published reader) for `userId` (null: signed out), with the user's current membership
 * in its workspace (null when they are not a member; only a public link lets them in then).
 * Refused like loadBrief.
 */
export async function loadBriefForUser<S extends BriefExtraSelect = Record<never, never>>(
  userId: string | null,
  key: { id: string } | { slug: string },
  action: BriefAction,
  { tx = db, select }: Options<S> = {},
): Promise<{ brief: LoadedBrief<S>; member: Member | null }> {
  if ("id" in key && !isUuid(key.id)) throw new DomainError("notFound");
  const where = "id" in key ? { id: key.id } : { slug: key.slug };
  const brief = await findBriefRow(where, select, tx);
  if (!brief) throw new DomainError("notFound");
  const member = userId ? await findMemberForWorkspace(brief.workspaceId, userId, tx) : null;
  authorizeBrief(member, action, brief.resource);
  return { brief, member };
}

/** `load`'s result, or null when the brief was refused (for callers that answer 404 alike). */
export async function nullWhenRefused<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof DomainError && (error.code === "notFound" || error.code === "forbidden")) {
      return null;
    }
    throw error;
  }
}
