import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Member } from "@/lib/policy/can";
import { cslToSourceInput } from "./csl-import";
import { parseImport, type ImportFormat } from "./parse-import";
import { dedupeKeys, findDuplicate, parseSource } from "./service";

export type ImportEntryReport = {
  index: number;
  label: string;
  /** new: will be / was imported; duplicate: matches a source already in the library or
   * earlier in the same file; error: unreadable or invalid (code = errors.<code>). */
  status: "new" | "duplicate" | "error";
  title?: string;
  code?: string;
  field?: string;
  duplicateOf?: { id: string | null; title: string };
};
export type ImportReport = {
  format: ImportFormat;
  entries: ImportEntryReport[];
  created: number;
};

/**
 * Preview (commit = false) or import (commit = true) of a CSL-JSON / BibTeX / RIS export.
 * Duplicates (DOI, URL, or normalized title + year) are never created twice, whether they
 * match the library or an earlier entry of the same file; invalid entries are reported one
 * by one and do not stop the others.
 */
export async function importSources(
  member: Member,
  text: string,
  commit: boolean,
  tx: Tx = db,
): Promise<ImportReport> {
  if (!can(member, "source.create", { kind: "workspace", id: member.workspaceId })) {
    throw new DomainError("forbidden");
  }
  const { format, entries } = await parseImport(text);
  const seen = new Map<string, string>();
  const reports: ImportEntryReport[] = [];
  const toCreate: Prisma.SourceCreateManyInput[] = [];

  for (const entry of entries) {
    if ("error" in entry) {
      reports.push({
        index: entry.index,
        label: entry.label,
        status: "error",
        code: "importUnreadable",
      });
      continue;
    }
    let data;
    try {
      data = parseSource(cslToSourceInput(entry.item));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reports.push({
        index: entry.index,
        label: entry.label,
        status: "error",
        code: error.code,
        field: String(error.values.field ?? ""),
      });
      continue;
    }
    const keys = dedupeKeys(data);
    const inFile = [keys.doiKey, keys.urlKey, keys.titleKey]
      .map((k) => (k ? seen.get(k) : undefined))
      .find(Boolean);
    const existing = inFile ? null : await findDuplicate(member.workspaceId, keys, null, tx);
    if (inFile || existing) {
      reports.push({
        index: entry.index,
        label: entry.label,
        status: "duplicate",
        title: data.title,
        duplicateOf: existing
          ? { id: existing.id, title: existing.title }
          : { id: null, title: inFile! },
      });
      continue;
    }
    for (const k of [keys.doiKey, keys.urlKey, keys.titleKey]) if (k) seen.set(k, data.title);
    reports.push({ index: entry.index, label: entry.label, status: "new", title: data.title });
    toCreate.push({
      ...data,
      authors: data.authors as Prisma.InputJsonValue,
      ...keys,
      workspaceId: member.workspaceId,
      createdById: member.userId,
      updatedById: member.userId,
    });
  }

  let created = 0;
  if (commit && toCreate.length > 0) {
    // skipDuplicates: a concurrent import of the same file cannot create a DOI/URL twice.
    created = (await tx.source.createMany({ data: toCreate, skipDuplicates: true })).count;
  }
  return { format, entries: reports, created };
}
