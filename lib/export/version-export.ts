/**
 * GET /p/<slug>/v/<n>/export/<format>: the PDF or DOCX of a published version. Generated
 * once from the frozen version and kept in brief_version_exports (immutable, like the
 * version), so every later download returns the very same bytes.
 */
import { db, type Tx } from "@/lib/db";
import { can } from "@/lib/policy/can";
import { findPublication, getVersion, type PublishedVersion } from "@/lib/publishing/queries";
import { parseVersionNumber } from "@/lib/publishing/reader";
import { renderDocx } from "./docx";
import { isExportFormat, type ExportFormat, type ExportVersion } from "./export-version";
import { renderPdf } from "./pdf";
import { isTlpMarking, tlpFileTag } from "@/lib/tradecraft/tlp";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export type VersionExport = { bytes: Uint8Array; filename: string; format: ExportFormat };

export function toExportVersion(slug: string, version: PublishedVersion): ExportVersion {
  return {
    id: version.id,
    slug,
    number: version.number,
    title: version.title,
    language: version.language,
    direction: version.direction,
    html: version.html,
    contentJson: version.contentJson,
    embeds: version.embeds,
    citations: version.citations,
    approverName: version.approvedBy.name,
    approvedAt: version.approvedAt,
    publishedAt: version.publishedAt,
    tlp: isTlpMarking(version.tlp) ? version.tlp : null,
  };
}

export function renderExport(format: ExportFormat, version: ExportVersion): Promise<Uint8Array> {
  return format === "pdf" ? renderPdf(version) : renderDocx(version);
}

/**
 * The stored export of a version, generated and stored on first request. Two first requests
 * at once may both generate; the insert keeps the first (ON CONFLICT DO NOTHING, the table
 * refuses updates anyway) and both callers serve what is stored.
 */
export async function storedExport(
  format: ExportFormat,
  version: ExportVersion,
  tx: Tx = db,
): Promise<Uint8Array> {
  const where = { versionId_format: { versionId: version.id, format } };
  const cached = await tx.briefVersionExport.findUnique({ where, select: { data: true } });
  if (cached) return new Uint8Array(cached.data);
  const bytes = await renderExport(format, version);
  const inserted = await tx.$executeRaw`
    INSERT INTO brief_version_exports (version_id, format, data)
    VALUES (${version.id}::uuid, ${format}, ${Buffer.from(bytes)})
    ON CONFLICT (version_id, format) DO NOTHING`;
  if (inserted === 1) return bytes;
  const winner = await tx.briefVersionExport.findUniqueOrThrow({ where, select: { data: true } });
  return new Uint8Array(winner.data);
}

/**
 * The export at /p/<slug>/v/<n>/export/<format> for `userId` (null: not signed in), or null
 * (→ 404) when the format or number is not one, the brief is unknown, deleted or never
 * published, the version does not exist, or the caller may not export it: a member of the
 * brief's workspace, or anyone when the publisher made it public.
 */
export async function findVersionExport(
  slug: string,
  versionParam: string,
  formatParam: string,
  userId: string | null,
  tx: Tx = db,
): Promise<VersionExport | null> {
  const number = parseVersionNumber(versionParam);
  if (number === null || !isExportFormat(formatParam)) return null;
  const publication = await findPublication(slug, userId, tx);
  if (!publication) return null;
  const { brief, member } = publication;
  if (!can(member, "brief.export", brief.resource)) return null;
  const version = await getVersion(brief.id, number, tx);
  if (!version) return null;
  const bytes = await storedExport(formatParam, toExportVersion(brief.slug, version), tx);
  return {
    bytes,
    filename: exportFilename(brief.slug, number, version.tlp, formatParam),
    format: formatParam,
  };
}

/**
 * Content-Disposition for a download: an ASCII filename for old clients and the exact one
 * as RFC 5987/6266 filename* (UTF-8, percent-encoded) when it has other characters.
 */
export function contentDisposition(filename: string): string {
  const ascii =
    filename
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "download";
  if (ascii === filename) return `attachment; filename="${ascii}"`;
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** "kayes-weekly-v2-TLP-AMBER.pdf": the marking travels with the file wherever it is saved. */
export function exportFilename(
  slug: string,
  number: number,
  tlp: string | null,
  format: ExportFormat,
): string {
  const marking = isTlpMarking(tlp) ? `-${tlpFileTag(tlp)}` : "";
  return `${slug}-v${number}${marking}.${format}`;
}
