import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Member } from "@/lib/policy/can";
import { compactFilter, incidentFilterSchema } from "./query-schema";
import { isUuid } from "@/lib/validation/uuid";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";

/** Who may change or delete a saved query: the member who saved it, or an admin. */
function mayChange(member: Member, query: { createdById: string }): boolean {
  return (
    query.createdById === member.userId ||
    can(member, "workspace.settings", { kind: "workspace", id: member.workspaceId })
  );
}

/**
 * Saves the current browser filter under a name, or replaces the filter of the member's own
 * query of that name. Names are unique in the workspace (embeds offer every saved query by
 * name), so a name a colleague already uses is refused rather than overwritten; an admin
 * may replace anyone's. Viewers may save too: it is theirs to reuse.
 */
export async function saveQuery(
  member: Member,
  input: { name: string; filter: unknown },
  tx: Tx = db,
) {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const name = String(input.name ?? "").trim();
  if (!name) throw new DomainError("titleRequired");
  if (name.length > 200) throw new DomainError("titleTooLong", { max: 200 });
  const parsed = incidentFilterSchema.safeParse(input.filter);
  if (!parsed.success) throw new DomainError("validation");
  const query = compactFilter(parsed.data) as Prisma.InputJsonValue;
  const select = { id: true, name: true, query: true } as const;
  const byName = { workspaceId_name: { workspaceId: member.workspaceId, name } };
  for (let attempt = 0; ; attempt++) {
    const existing = await tx.incidentQuery.findUnique({
      where: byName,
      select: { id: true, createdById: true },
    });
    if (existing) {
      if (!mayChange(member, existing)) throw new DomainError("savedQueryNameTaken", { name });
      return tx.incidentQuery.update({ where: { id: existing.id }, data: { query }, select });
    }
    // Two members saving the same new name at once: one creates it, the other is told.
    const created = await tx.incidentQuery.createManyAndReturn({
      data: [{ workspaceId: member.workspaceId, name, query, createdById: member.userId }],
      skipDuplicates: true,
      select,
    });
    if (created[0]) return created[0];
    if (attempt > 0) throw new DomainError("savedQueryNameTaken", { name });
  }
}

export async function listSavedQueries(member: Member, tx: Tx = db) {
  authorizeInWorkspace(member, "incident.read", "notFound");
  return tx.incidentQuery.findMany({
    where: { workspaceId: member.workspaceId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, query: true },
  });
}

/** Deletes a saved query: the member who saved it, or an admin. */
export async function deleteSavedQuery(member: Member, id: string, tx: Tx = db) {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const query = isUuid(id)
    ? await tx.incidentQuery.findFirst({
        where: { id, workspaceId: member.workspaceId },
        select: { createdById: true },
      })
    : null;
  if (!query) throw new DomainError("notFound");
  if (!mayChange(member, query)) throw new DomainError("forbidden");
  await tx.incidentQuery.delete({ where: { id } });
}
