import { notFound } from "next/navigation";
import type { BriefAction } from "@/lib/policy/can";
import { requireWorkspace } from "@/lib/workspaces/access";
import { loadBrief, nullWhenRefused } from "./load-brief";
import { briefPermissions } from "./permissions";
import { listSelect } from "./queries";

const pageSelect = {
  ...listSelect,
  createdAt: true,
  createdBy: { select: { name: true } },
} as const;

/**
 * For the pages of a brief (the brief, its history, compare): the signed-in member, the brief
 * and what they may do with it. Not a member, unknown brief, or `action` not allowed → 404,
 * like every page of a brief the member may not see.
 */
export async function requireBriefPage(
  slug: string,
  briefId: string,
  action: BriefAction = "brief.read",
) {
  const access = await requireWorkspace(slug);
  const brief = await nullWhenRefused(
    loadBrief(access.member, briefId, action, { select: pageSelect }),
  );
  if (!brief) notFound();
  return { ...access, brief, permissions: briefPermissions(access.member, brief.resource) };
}
