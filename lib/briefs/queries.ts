import { db, type Tx } from "@/lib/db";
import { can, type Member } from "@/lib/policy/can";
import type { ListBriefsFilter } from "./schema";

const LIST_LIMIT = 200;

export const listSelect = {
  id: true,
  title: true,
  status: true,
  tlp: true,
  language: true,
  direction: true,
  updatedAt: true,
  deletedAt: true,
  updatedBy: { select: { name: true } },
} as const;

/** Briefs of the member's workspace, newest first; `q` matches the title or the text. */
export async function listBriefs(member: Member, filter: ListBriefsFilter, tx: Tx = db) {
  const q = filter.q?.trim();
  return tx.brief.findMany({
    where: {
      workspaceId: member.workspaceId,
      deletedAt: null,
      ...(filter.status ? { status: filter.status } : {}),
      ...(q
        ? {
            OR: [
              { title: { contains: q, mode: "insensitive" as const } },
              { contentText: { contains: q, mode: "insensitive" as const } },
            ],
          }
        : {}),
    },
    orderBy: { updatedAt: "desc" },
    take: LIST_LIMIT,
    select: listSelect,
  });
}

/** Soft-deleted briefs, for admins to restore. */
export async function listDeletedBriefs(member: Member, tx: Tx = db) {
  if (!can(member, "brief.listDeleted", { kind: "workspace", id: member.workspaceId })) return [];
  return tx.brief.findMany({
    where: { workspaceId: member.workspaceId, deletedAt: { not: null } },
    orderBy: { deletedAt: "desc" },
    take: LIST_LIMIT,
    select: listSelect,
  });
}
