import { db, type Tx } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";

export type WorkspaceSummary = {
  id: string;
  slug: string;
  name: string;
  role: Role;
  briefCount: number;
};

export async function listWorkspacesForUser(
  userId: string,
  tx: Tx = db,
): Promise<WorkspaceSummary[]> {
  const memberships = await tx.membership.findMany({
    where: { userId },
    orderBy: { workspace: { name: "asc" } },
    select: {
      role: true,
      workspace: {
        select: {
          id: true,
          slug: true,
          name: true,
          _count: { select: { briefs: { where: { deletedAt: null } } } },
        },
      },
    },
  });
  return memberships.map(({ role, workspace }) => ({
    id: workspace.id,
    slug: workspace.slug,
    name: workspace.name,
    role,
    briefCount: workspace._count.briefs,
  }));
}

export type WorkspaceAccess = {
  workspace: { id: string; slug: string; name: string };
  member: Member;
};

/** The workspace and the user's membership in it, or null when either is missing. */
export async function findWorkspaceAccess(
  slug: string,
  userId: string,
  tx: Tx = db,
): Promise<WorkspaceAccess | null> {
  const workspace = await tx.workspace.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      memberships: { where: { userId }, select: { role: true } },
    },
  });
  const membership = workspace?.memberships[0];
  if (!workspace || !membership) return null;
  return {
    workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name },
    member: { userId, workspaceId: workspace.id, role: membership.role },
  };
}

/** The membership of a user in the workspace that owns a brief; used by the collab server too. */
export async function findMemberForWorkspace(
  workspaceId: string,
  userId: string,
  tx: Tx = db,
): Promise<Member | null> {
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
  return membership ? { userId, workspaceId, role: membership.role } : null;
}
