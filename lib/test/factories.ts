import { randomUUID } from "node:crypto";
import { db, type Db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";

// Rows for tests on a real migrated database. Every call makes fresh ids, slugs and emails, so
// the tests sharing one database never see each other's data and nothing needs truncating.

export type TestUser = { id: string; name: string };
export type TestBrief = {
  briefId: string;
  workspaceId: string;
  /** One member per role, plus `outsider` (a user of another workspace). */
  users: Record<Role | "outsider", TestUser>;
};

const ALL_ROLES: Role[] = ["VIEWER", "EDITOR", "APPROVER", "ADMIN"];

function freshSuffix(): string {
  return randomUUID().slice(0, 8);
}

async function createUser(client: Db, label: string, suffix: string): Promise<TestUser> {
  const name = `${label} ${suffix}`;
  const user = await client.user.create({
    data: { email: `${label.toLowerCase()}-${suffix}@example.test`, name },
    select: { id: true },
  });
  return { id: user.id, name };
}

/** A new workspace and one member per role in `roles` (only those are filled in). */
async function createWorkspaceWithUsers(
  client: Db,
  roles: Role[],
): Promise<{ workspaceId: string; users: Record<Role, TestUser> }> {
  const suffix = freshSuffix();
  const workspace = await client.workspace.create({
    data: { slug: `ws-${suffix}`, name: `Workspace ${suffix}` },
    select: { id: true },
  });
  const users = {} as Record<Role, TestUser>;
  for (const role of roles) {
    const user = await createUser(client, role, suffix);
    await client.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    users[role] = user;
  }
  return { workspaceId: workspace.id, users };
}

/** A new workspace with one member per requested role, as the policy sees them. */
export async function workspaceWith(
  roles: Role[],
  client: Db = db,
): Promise<{ workspaceId: string; members: Record<Role, Member> }> {
  const { workspaceId, users } = await createWorkspaceWithUsers(client, roles);
  const members = {} as Record<Role, Member>;
  for (const role of roles) members[role] = { userId: users[role].id, workspaceId, role };
  return { workspaceId, members };
}

/** A new workspace with a member of every role, a user who is not a member, and one brief. */
export async function createBriefWithMembers(client: Db = db): Promise<TestBrief> {
  const { workspaceId, users } = await createWorkspaceWithUsers(client, ALL_ROLES);
  const outsider = await createUser(client, "Outsider", freshSuffix());
  const members = { ...users, outsider } as TestBrief["users"];
  const brief = await client.brief.create({
    data: {
      workspaceId,
      title: `Brief ${freshSuffix()}`,
      language: "en",
      createdById: members.EDITOR.id,
      updatedById: members.EDITOR.id,
    },
    select: { id: true },
  });
  return { briefId: brief.id, workspaceId, users: members };
}
