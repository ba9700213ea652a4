import { db, type Tx } from "@/lib/db";
import { can, type Member } from "@/lib/policy/can";

export async function listMembers(admin: Member, tx: Tx = db) {
  if (!can(admin, "workspace.manageMembers", { kind: "workspace", id: admin.workspaceId }))
    return null;
  const [members, invitations] = await Promise.all([
    tx.membership.findMany({
      where: { workspaceId: admin.workspaceId },
      orderBy: { user: { name: "asc" } },
      select: {
        role: true,
        createdAt: true,
        user: { select: { id: true, name: true, email: true } },
      },
    }),
    tx.invitation.findMany({
      where: { workspaceId: admin.workspaceId, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return { members, invitations };
}
