import { db, type Tx } from "@/lib/db";
import { can, type BriefResource, type Member } from "@/lib/policy/can";
import { findMemberForWorkspace } from "@/lib/workspaces/queries";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A brief addressed by id alone (route handlers, the collab server) and the user's membership
 * in its workspace; null when the brief is unknown or the user may not read it.
 */
export async function findBriefAccess(
  briefId: string,
  userId: string,
  tx: Tx = db,
): Promise<{ brief: BriefResource & { id: string }; member: Member } | null> {
  if (!UUID.test(briefId)) return null;
  const row = await tx.brief.findUnique({
    where: { id: briefId },
    select: {
      id: true,
      workspaceId: true,
      deletedAt: true,
      publicLink: true,
      workspace: { select: { viewersMayComment: true } },
    },
  });
  if (!row) return null;
  const member = await findMemberForWorkspace(row.workspaceId, userId, tx);
  const brief = {
    kind: "brief" as const,
    id: row.id,
    workspaceId: row.workspaceId,
    deletedAt: row.deletedAt,
    viewersMayComment: row.workspace.viewersMayComment,
    publicLink: row.publicLink,
  };
  if (!member || !can(member, "brief.read", brief)) return null;
  return { brief, member };
}
