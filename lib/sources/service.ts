import { db, type Tx } from "@/lib/db";
import { DomainError, type ErrorCode } from "@/lib/errors/domain-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Member } from "@/lib/policy/can";
import { doiKey, titleKey, urlKey } from "./keys";
import { findCitingBriefs } from "./queries";
import { sourceInputSchema, type SourceData, type SourceInput } from "./schema";
import { isUuid } from "@/lib/validation/uuid";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";

const SOURCE_CODES = new Set<ErrorCode>([
  "titleRequired",
  "titleTooLong",
  "invalidLanguage",
  "sourceUnsafeUrl",
  "sourceInvalidDate",
]);

/** Validates a source; the first problem becomes a DomainError naming the field. */
export function parseSource(input: unknown): SourceData {
  const result = sourceInputSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const code = SOURCE_CODES.has(issue?.message as ErrorCode)
    ? (issue!.message as ErrorCode)
    : "validation";
  throw new DomainError(code, { field: String(issue?.path[0] ?? ""), max: 1000 });
}

export function dedupeKeys(data: Pick<SourceData, "doi" | "url" | "title" | "issued">) {
  return {
    doiKey: doiKey(data.doi),
    urlKey: urlKey(data.url),
    titleKey: titleKey(data.title, data.issued),
  };
}

type Keys = ReturnType<typeof dedupeKeys>;

/** An existing source of the workspace with the same DOI, URL or title+year. */
export async function findDuplicate(
  workspaceId: string,
  keys: Keys,
  exceptId: string | null,
  tx: Tx = db,
) {
  return tx.source.findFirst({
    where: {
      workspaceId,
      ...(exceptId ? { id: { not: exceptId } } : {}),
      OR: [
        ...(keys.doiKey ? [{ doiKey: keys.doiKey }] : []),
        ...(keys.urlKey ? [{ urlKey: keys.urlKey }] : []),
        { titleKey: keys.titleKey },
      ],
    },
    select: { id: true, title: true },
  });
}

function columns(data: SourceData) {
  return {
    ...data,
    authors: data.authors as Prisma.InputJsonValue,
    ...dedupeKeys(data),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createSource(member: Member, input: SourceInput, tx: Tx = db) {
  authorizeInWorkspace(member, "source.create");
  const data = parseSource(input);
  const keys = dedupeKeys(data);
  const duplicate = await findDuplicate(member.workspaceId, keys, null, tx);
  if (duplicate)
    throw new DomainError("sourceDuplicate", { title: duplicate.title, id: duplicate.id });
  try {
    return await tx.source.create({
      data: {
        ...columns(data),
        workspaceId: member.workspaceId,
        createdById: member.userId,
        updatedById: member.userId,
      },
      select: { id: true, title: true },
    });
  } catch (error) {
    // Someone created the same DOI/URL between our check and the insert.
    if (isUniqueViolation(error))
      throw new DomainError("sourceDuplicate", { title: data.title, id: "" });
    throw error;
  }
}

async function ownSource(member: Member, sourceId: string, tx: Tx) {
  const source = isUuid(sourceId)
    ? await tx.source.findFirst({
        where: { id: sourceId, workspaceId: member.workspaceId },
        select: { id: true, title: true },
      })
    : null;
  if (!source) throw new DomainError("notFound");
  return source;
}

export async function updateSource(
  member: Member,
  sourceId: string,
  input: SourceInput,
  tx: Tx = db,
) {
  authorizeInWorkspace(member, "source.edit");
  await ownSource(member, sourceId, tx);
  const data = parseSource(input);
  const duplicate = await findDuplicate(member.workspaceId, dedupeKeys(data), sourceId, tx);
  if (duplicate)
    throw new DomainError("sourceDuplicate", { title: duplicate.title, id: duplicate.id });
  try {
    return await tx.source.update({
      where: { id: sourceId },
      data: { ...columns(data), updatedById: member.userId },
      select: { id: true, title: true },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("sourceDuplicate", { title: data.title, id: "" });
    throw error;
  }
}

/** Archived sources leave the picker and the default list but stay citable. */
export async function setSourceArchived(
  member: Member,
  sourceId: string,
  archived: boolean,
  tx: Tx = db,
): Promise<void> {
  authorizeInWorkspace(member, "source.edit");
  await ownSource(member, sourceId, tx);
  await tx.source.update({
    where: { id: sourceId },
    data: { archivedAt: archived ? new Date() : null, updatedById: member.userId },
  });
}

/**
 * Deletes a source nobody cites. A cited source is refused with the titles of the citing
 * briefs, so the analyst can remove the citations or archive the source instead.
 */
export async function deleteSource(member: Member, sourceId: string, tx: Tx = db): Promise<void> {
  authorizeInWorkspace(member, "source.delete");
  await ownSource(member, sourceId, tx);
  const citing = await findCitingBriefs(member.workspaceId, sourceId, tx);
  if (citing.length > 0) {
    throw new DomainError("sourceCited", {
      count: citing.length,
      briefs: citing.map((b) => `“${b.title}”`).join(", "),
    });
  }
  await tx.source.delete({ where: { id: sourceId } });
}
