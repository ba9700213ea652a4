import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";

/** A new workspace with one member per requested role; ids are fresh so tests never collide. */
export async function workspaceWith(
  roles: Role[],
): Promise<{ workspaceId: string; members: Record<Role, Member> }> {
  const suffix = randomUUID().slice(0, 8);
  const workspace = await db.workspace.create({
    data: { slug: `ws-${suffix}`, name: `Workspace ${suffix}` },
    select: { id: true },
  });
  const members = {} as Record<Role, Member>;
  for (const role of roles) {
    const user = await db.user.create({
      data: { email: `${role.toLowerCase()}-${suffix}@example.test`, name: `${role} ${suffix}` },
      select: { id: true },
    });
    await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    members[role] = { userId: user.id, workspaceId: workspace.id, role };
  }
  return { workspaceId: workspace.id, members };
}
