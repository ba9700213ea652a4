import { briefResource } from "../briefs/load-brief";
import type { Db } from "../db";
import { can, type BriefResource, type Member } from "../policy/can";
import type { AccessEndReason } from "./access-signal";

/** Who holds an open connection to which brief, as its authentication found them. */
export type AccessSubject = { userId: string; briefId: string; sessionVersion: number };

/** What an open connection may do now: write, only read, or nothing (with why). */
export type AccessDecision = "edit" | "read" | AccessEndReason;

/** Rows per round of queries; the periodic check may cover every connection of an instance. */
const CHUNK = 500;

/**
 * The current access of each subject, decided as authentication decides it at connect time
 * (session version, brief, membership, can()) but for many connections in three queries,
 * so the periodic re-check of every open connection stays cheap. Answers in input order.
 */
export async function decideAccess(
  subjects: readonly AccessSubject[],
  client: Db,
): Promise<AccessDecision[]> {
  const decisions: AccessDecision[] = [];
  for (let start = 0; start < subjects.length; start += CHUNK) {
    decisions.push(...(await decideChunk(subjects.slice(start, start + CHUNK), client)));
  }
  return decisions;
}

async function decideChunk(
  subjects: readonly AccessSubject[],
  client: Db,
): Promise<AccessDecision[]> {
  const userIds = [...new Set(subjects.map((s) => s.userId))];
  const briefIds = [...new Set(subjects.map((s) => s.briefId))];
  const [users, briefs] = await Promise.all([
    client.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, sessionVersion: true },
    }),
    client.brief.findMany({
      where: { id: { in: briefIds } },
      select: {
        id: true,
        workspaceId: true,
        deletedAt: true,
        publicLink: true,
        workspace: { select: { viewersMayComment: true } },
      },
    }),
  ]);
  const workspaceIds = [...new Set(briefs.map((b) => b.workspaceId))];
  const memberships = await client.membership.findMany({
    where: { userId: { in: userIds }, workspaceId: { in: workspaceIds } },
    select: { userId: true, workspaceId: true, role: true },
  });
  const sessionVersions = new Map(users.map((u) => [u.id, u.sessionVersion]));
  const briefById = new Map(briefs.map((b) => [b.id, b]));
  const members = new Map<string, Member>(
    memberships.map((m) => [`${m.workspaceId}:${m.userId}`, m]),
  );

  return subjects.map(({ userId, briefId, sessionVersion }): AccessDecision => {
    if (sessionVersions.get(userId) !== sessionVersion) return "session-revoked";
    const row = briefById.get(briefId);
    if (!row) return "brief-deleted";
    const brief: BriefResource = briefResource({
      ...row,
      viewersMayComment: row.workspace.viewersMayComment,
    });
    const member = members.get(`${row.workspaceId}:${userId}`) ?? null;
    if (!can(member, "brief.read", brief)) {
      return row.deletedAt && member ? "brief-deleted" : "access-removed";
    }
    return can(member, "brief.edit", brief) ? "edit" : "read";
  });
}
