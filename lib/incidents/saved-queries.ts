import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Member } from "@/lib/policy/can";
import { assertCanRead } from "./queries";
import { compactFilter, incidentFilterSchema } from "./query-schema";

/** Saves (or replaces, by name) the current browser filter. Viewers may save too: it is theirs to reuse. */
export async function saveQuery(
  member: Member,
  input: { name: string; filter: unknown },
  tx: Tx = db,
) {
  // prettier-ignore
  assertCanRead(member);
  const name = String(input.name ?? "").trim();
  if (!name) throw new DomainError("titleRequired");
  if (name.length > 200) throw new DomainError("titleTooLong", { max: 200 });
  const parsed = incidentFilterSchema.safeParse(input.filter);
  if (!parsed.success) throw new DomainError("validation");
  const query = compactFilter(parsed.data) as Prisma.InputJsonValue;
  return tx.incidentQuery.upsert({
    where: { workspaceId_name: { workspaceId: member.workspaceId, name } },
    create: { workspaceId: member.workspaceId, name, query, createdById: member.userId },
    update: { query },
    select: { id: true, name: true, query: true },
  });
}

export async function listSavedQueries(member: Member, tx: Tx = db) {
  assertCanRead(member);
  return tx.incidentQuery.findMany({
    where: { workspaceId: member.workspaceId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, query: true },
  });
}

/** Deletes a saved query: its author, or an editor and up. */
export async function deleteSavedQuery(member: Member, id: string, tx: Tx = db) {
  const query = await tx.incidentQuery.findFirst({ where: { id, workspaceId: member.workspaceId }, select: { createdById: true } }); // prettier-ignore
  if (!query) throw new DomainError("notFound");
  const editor = can(member, "incident.edit", { kind: "workspace", id: member.workspaceId });
  if (query.createdById !== member.userId && !editor) throw new DomainError("forbidden");
  await tx.incidentQuery.delete({ where: { id } });
}
