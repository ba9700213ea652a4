import { notFound } from "next/navigation";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { can, type WorkspaceAction } from "@/lib/policy/can";
import { findWorkspaceAccess, type WorkspaceAccess } from "./queries";

/**
 * For workspace pages: the signed-in user and their membership. Not being a member reads as
 * "not found", so a page never confirms that a workspace it will not show exists.
 */
export async function requireWorkspace(
  slug: string,
  action: WorkspaceAction = "workspace.read",
): Promise<WorkspaceAccess & { user: SessionUser }> {
  const user = await requireUser(`/w/${encodeURIComponent(slug)}`);
  const access = await findWorkspaceAccess(slug, user.id);
  if (!access || !can(access.member, action, { kind: "workspace", id: access.workspace.id })) {
    notFound();
  }
  return { ...access, user };
}
