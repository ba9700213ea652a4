import type { FrozenCitations, FrozenEmbeds } from "@/lib/publishing/frozen";
import type { TlpMarking } from "@/lib/tradecraft/tlp";

export const EXPORT_FORMATS = ["pdf", "docx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * Everything an export reads: one published version as it was frozen, plus the names a
 * title page shows. Nothing here is live data, so an export generated today and one
 * generated next year from the same version are the same document.
 */
export type ExportVersion = {
  id: string;
  slug: string;
  number: number;
  title: string;
  /** en | fr | ar */
  language: string;
  direction: "LTR" | "RTL";
  /** Sanitized body HTML (footnote markers, embeds rendered from frozen data). */
  html: string;
  /** ProseMirror JSON of the body (the DOCX walks this). */
  contentJson: unknown;
  embeds: FrozenEmbeds;
  citations: FrozenCitations;
  approverName: string;
  approvedAt: Date;
  publishedAt: Date;
  /** The handling marking (TLP 2.0) of the version, shown on every page; null: unmarked. */
  tlp?: TlpMarking | null;
};
