import { randomUUID } from "node:crypto";
import { db, type Db } from "../db";
import type { Role } from "../policy/can";

export type TestUser = { id: string; name: string };
export type TestBrief = {
  briefId: string;
  workspaceId: string;
  /** One member per role, plus `outsider` (a user of another workspace). */
  users: Record<Role | "outsider", TestUser>;
};

async function createUser(client: Db, label: string): Promise<TestUser> {
  const suffix = randomUUID().slice(0, 8);
  const name = `${label} ${suffix}`;
  const user = await client.user.create({
    data: { email: `${label.toLowerCase()}-${suffix}@example.test`, name },
    select: { id: true },
  });
  return { id: user.id, name };
}

/**
 * A fresh workspace with a member of every role, a user who is not a member, and one brief.
 * Fresh ids every call, so tests in one database never see each other's data.
 */
export async function createBriefWithMembers(client: Db = db): Promise<TestBrief> {
  const suffix = randomUUID().slice(0, 8);
  const workspace = await client.workspace.create({
    data: { slug: `collab-${suffix}`, name: `Collab ${suffix}` },
    select: { id: true },
  });
  const roles: Role[] = ["VIEWER", "EDITOR", "APPROVER", "ADMIN"];
  const users = { outsider: await createUser(client, "Outsider") } as TestBrief["users"];
  for (const role of roles) {
    users[role] = await createUser(client, role);
    await client.membership.create({
      data: { workspaceId: workspace.id, userId: users[role].id, role },
    });
  }
  const brief = await client.brief.create({
    data: {
      workspaceId: workspace.id,
      title: `Brief ${suffix}`,
      language: "en",
      createdById: users.EDITOR.id,
      updatedById: users.EDITOR.id,
    },
    select: { id: true },
  });
  return { briefId: brief.id, workspaceId: workspace.id, users };
}
