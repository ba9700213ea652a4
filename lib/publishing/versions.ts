/**
 * Writes of published versions: insert only (the database refuses UPDATE, DELETE and
 * TRUNCATE on brief_versions, see migration 20261124103800_publishing), and the slug a
 * brief is published under.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FrozenBrief } from "./frozen";
import { sanitizePublishedHtml } from "./sanitize-html";

export type CreateVersionInput = {
  briefId: string;
  frozen: FrozenBrief;
  approvedById: string;
  approvedAt: Date;
  publishedById: string;
};

/**
 * Inserts the next version (1, 2, …) of a brief. Call it inside the publish transaction
 * after locking the brief row (SELECT … FOR UPDATE): the lock serialises publishers, and the
 * unique (brief_id, number) refuses a duplicate number should a caller forget the lock.
 */
export async function createVersion(
  tx: Tx,
  input: CreateVersionInput,
): Promise<{ id: string; number: number }> {
  const { frozen } = input;
  if (frozen.problems.length > 0) throw new DomainError("validation");
  const last = await tx.briefVersion.findFirst({
    where: { briefId: input.briefId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const number = (last?.number ?? 0) + 1;
  // The version carries the marking the brief has as it is published (read here, under the
  // caller's row lock, so no caller can publish under a marking of its own).
  const marked = await tx.brief.findUnique({ where: { id: input.briefId }, select: { tlp: true } });
  const created = await tx.briefVersion.create({
    data: {
      briefId: input.briefId,
      number,
      title: frozen.title,
      language: frozen.language,
      direction: frozen.direction,
      citationStyle: frozen.citationStyle,
      yjsState: Buffer.from(frozen.yjsState),
      contentJson: toJson(frozen.contentJson),
      contentText: frozen.contentText,
      contentHash: frozen.contentHash,
      // Sanitized again: a caller may have built `frozen` by hand.
      html: sanitizePublishedHtml(frozen.html),
      embeds: toJson(frozen.embeds),
      citations: toJson(frozen.citations),
      tlp: marked?.tlp ?? null,
      approvedById: input.approvedById,
      approvedAt: input.approvedAt,
      publishedById: input.publishedById,
    },
    select: { id: true, number: true },
  });
  return created;
}

/**
 * JSON columns take plain JSON values. Frozen data is plain JSON by construction (ProseMirror
 * toJSON, serialized query results, citeproc strings), so it is passed as it is rather than
 * copied: a long brief's JSON is large and publication has a time budget.
 */
function toJson(value: unknown): Prisma.InputJsonValue {
  return (value ?? {}) as Prisma.InputJsonValue;
}

const MAX_SLUG = 80;

/**
 * A URL slug from a title: accents stripped, lower-case ASCII words joined by "-". Titles
 * with no Latin letters (Arabic) give "" and fall back to a short id in ensureSlug.
 */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’']/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, "");
}

/**
 * The brief's publication slug: kept if it has one (URLs stay stable), else made from its
 * title, with a suffix when another brief already has it. Call inside the publish
 * transaction; a concurrent publisher of another brief taking the same slug makes the
 * unique index fail that transaction rather than share a URL.
 */
export async function ensureSlug(
  tx: Tx,
  brief: { id: string; title: string; slug?: string | null },
): Promise<string> {
  const current =
    brief.slug !== undefined
      ? brief.slug
      : (await tx.brief.findUnique({ where: { id: brief.id }, select: { slug: true } }))?.slug;
  if (current) return current;
  const base = slugify(brief.title) || `brief-${brief.id.slice(0, 8)}`;
  let slug = base;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const taken = await tx.brief.findFirst({
      where: { slug, id: { not: brief.id } },
      select: { id: true },
    });
    if (!taken) break;
    slug = `${base}-${attempt < 10 ? attempt + 2 : randomUUID().slice(0, 6)}`;
  }
  await tx.brief.update({ where: { id: brief.id }, data: { slug } });
  return slug;
}
