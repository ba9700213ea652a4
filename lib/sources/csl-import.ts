import { fromCslDate } from "./edtf";
import { CSL_TYPES, type SourceInput } from "./schema";

type Raw = Record<string, unknown>;
type Name = { family: string; given?: string } | { literal: string };

const str = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;

function parseNames(value: unknown): Name[] {
  if (typeof value === "string") {
    // RIS/BibTeX fall-backs hand over "Family, Given; Family, Given".
    return value
      .split(/\s*;\s*|\s+and\s+/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [family, given] = part.split(/\s*,\s*/, 2);
        return given ? { family: family!, given } : { literal: part };
      });
  }
  if (!Array.isArray(value)) return [];
  const out: Name[] = [];
  for (const raw of value) {
    if (!raw || typeof raw !== "object") continue;
    const n = raw as Raw;
    const literal = str(n.literal)?.trim();
    const family = [str(n["non-dropping-particle"]), str(n.family)]
      .filter(Boolean)
      .join(" ")
      .trim();
    const given = [str(n.given), str(n["dropping-particle"])].filter(Boolean).join(" ").trim();
    if (literal) out.push({ literal });
    else if (family) out.push(given ? { family, given } : { family });
    else if (given) out.push({ literal: given });
  }
  return out;
}

/** Maps Zotero's English language names and locale tags onto a BCP 47 primary tag. */
function language(value: unknown): string | null {
  const v = str(value)?.trim().toLowerCase();
  if (!v) return null;
  const names: Record<string, string> = {
    arabic: "ar",
    french: "fr",
    english: "en",
    français: "fr",
    العربية: "ar",
  };
  if (names[v]) return names[v]!;
  const tag = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/.exec(v)?.[1];
  return tag ?? null;
}

/**
 * One CSL-JSON item (Zotero export, or citation-js output for BibTeX/RIS) as the input of
 * `createSource`. Unknown types become "document"; validation happens in the service.
 */
export function cslToSourceInput(item: Raw): SourceInput {
  const type = str(item.type) ?? "document";
  const authors = parseNames(item.author);
  if (authors.length === 0) {
    authors.push(
      ...parseNames(item.reporter),
      ...parseNames(item.interviewer),
      ...parseNames(item.editor),
    );
  }
  const url = str(item.URL) ?? str(item.url);
  return {
    type: CSL_TYPES.has(type) ? type : "document",
    title: str(item.title) ?? "",
    titleTranslated: str(item["title-translated"]) ?? str(item["original-title"]) ?? null,
    authors: authors.slice(0, 100),
    issued: fromCslDate(item.issued),
    accessed: (() => {
      const date = fromCslDate(item.accessed);
      return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
    })(),
    containerTitle: str(item["container-title"]) ?? null,
    publisher: str(item.publisher) ?? null,
    publisherPlace: str(item["publisher-place"]) ?? null,
    url: url ?? null,
    doi: str(item.DOI) ?? null,
    language: language(item.language),
    archive: str(item.archive) ?? null,
    archiveLocation: str(item.archive_location) ?? null,
    note: str(item.note) ?? null,
    tags: [],
  };
}
