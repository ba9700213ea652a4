import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Member } from "@/lib/policy/can";
import type { ListSourcesFilter } from "./schema";
import { isUuid } from "@/lib/validation/uuid";

const LIST_LIMIT = 300;

export const sourceSelect = {
  id: true,
  type: true,
  title: true,
  titleTranslated: true,
  authors: true,
  issued: true,
  accessed: true,
  containerTitle: true,
  publisher: true,
  publisherPlace: true,
  url: true,
  doi: true,
  language: true,
  archive: true,
  archiveLocation: true,
  note: true,
  reliability: true,
  credibility: true,
  tags: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { name: true } },
  updatedBy: { select: { name: true } },
} as const satisfies Prisma.SourceSelect;

export type SourceRow = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

function readable(member: Member): boolean {
  return can(member, "source.read", { kind: "workspace", id: member.workspaceId });
}

/** The library, newest first; `q` matches title, translated title, authors, outlet or tag. */
export async function listSources(member: Member, filter: ListSourcesFilter, tx: Tx = db) {
  if (!readable(member)) return [];
  const q = filter.q?.trim();
  const contains = q ? { contains: q, mode: "insensitive" as const } : undefined;
  let authorIds: string[] = [];
  if (q) {
    // Authors are JSON; search their text with one indexed-by-workspace query.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM sources
      WHERE workspace_id = ${member.workspaceId}::uuid AND authors::text ILIKE ${`%${q.replace(/[%_\\]/g, "\\$&")}%`}
      LIMIT ${LIST_LIMIT}`;
    authorIds = rows.map((r) => r.id);
  }
  return tx.source.findMany({
    where: {
      workspaceId: member.workspaceId,
      archivedAt: filter.archived ? { not: null } : null,
      ...(filter.type ? { type: filter.type } : {}),
      ...(filter.grade ? { reliability: filter.grade } : {}),
      ...(filter.language ? { language: filter.language } : {}),
      ...(contains
        ? {
            OR: [
              { title: contains },
              { titleTranslated: contains },
              { containerTitle: contains },
              { publisher: contains },
              { tags: { has: q!.toLowerCase() } },
              { id: { in: authorIds } },
            ],
          }
        : {}),
    },
    orderBy: { updatedAt: "desc" },
    take: LIST_LIMIT,
    select: sourceSelect,
  });
}

export async function findSource(member: Member, sourceId: string, tx: Tx = db) {
  if (!isUuid(sourceId) || !readable(member)) return null;
  return tx.source.findFirst({
    where: { id: sourceId, workspaceId: member.workspaceId },
    select: sourceSelect,
  });
}

/** Sources of a workspace by id (archived included: they stay citable). */
export async function sourcesByIds(workspaceId: string, ids: string[], tx: Tx = db) {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return [];
  return tx.source.findMany({
    where: { workspaceId, id: { in: valid } },
    select: sourceSelect,
  });
}

export type CitingBrief = { id: string; title: string; deleted: boolean };

/**
 * Briefs whose stored document cites the source (deleted briefs included: they can be
 * restored). Reads BriefDocument.contentJson, which the collab server keeps current.
 */
export async function findCitingBriefs(
  workspaceId: string,
  sourceId: string,
  tx: Tx = db,
): Promise<CitingBrief[]> {
  if (!isUuid(sourceId)) return [];
  const rows = await tx.$queryRaw<{ id: string; title: string; deleted_at: Date | null }[]>`
    SELECT b.id, b.title, b.deleted_at
    FROM briefs b JOIN brief_documents d ON d.brief_id = b.id
    WHERE b.workspace_id = ${workspaceId}::uuid
      AND d.content_json IS NOT NULL
      AND jsonb_path_exists(
        d.content_json,
        'lax $.** ? (@.type == "citation").attrs.items[*] ? (@.kind == "source" && @.id == $id)',
        jsonb_build_object('id', ${sourceId.toLowerCase()}::text)
      )
    ORDER BY b.title`;
  return rows.map((r) => ({ id: r.id, title: r.title, deleted: r.deleted_at !== null }));
}
