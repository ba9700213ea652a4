import { notFound } from "next/navigation";
import { findReadableBrief } from "@/lib/briefs/queries";
import { can, type Action } from "@/lib/policy/can";
import { requireWorkspace } from "@/lib/workspaces/access";

/**
 * Access for the history and compare pages: the signed-in member, the brief, and whether
 * they may do `action` on it. Not a member, unknown brief, or not allowed → 404, like
 * every page of a brief the member may not see.
 */
export async function requireBriefPage(slug: string, briefId: string, action: Action) {
  const access = await requireWorkspace(slug);
  const brief = await findReadableBrief(access.member, briefId);
  if (!brief) notFound();
  const resource = {
    kind: "brief",
    workspaceId: brief.workspaceId,
    deletedAt: brief.deletedAt,
  } as const;
  if (!can(access.member, action, resource)) notFound();
  const allowed = (other: Action) => can(access.member, other, resource);
  return { ...access, brief, allowed };
}
