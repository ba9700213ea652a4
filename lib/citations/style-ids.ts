/**
 * Citation styles a brief can choose (Brief.citationStyle). Kept apart from styles.ts, which
 * reads the CSL files from disk, so that browser code can list the styles.
 */
export const CITATION_STYLES = ["chicago-note-bibliography", "apa", "iso690-note-fr"] as const;
export type CitationStyleId = (typeof CITATION_STYLES)[number];
export const DEFAULT_CITATION_STYLE: CitationStyleId = "chicago-note-bibliography";

export function isCitationStyle(value: unknown): value is CitationStyleId {
  return CITATION_STYLES.includes(value as CitationStyleId);
}
