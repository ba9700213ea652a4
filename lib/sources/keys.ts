import { yearOf } from "./edtf";

/**
 * Keys that find the same work under different spellings, for duplicate detection on
 * create and import: a DOI, a URL, or a normalized title + year.
 */

/** "https://doi.org/10.1000/ABC" and "doi:10.1000/abc" → "10.1000/abc". */
export function doiKey(doi: string | null | undefined): string | null {
  if (!doi) return null;
  const match = /10\.\d{4,9}\/\S+/i.exec(doi.trim());
  return match ? match[0].toLowerCase().replace(/[.,;]+$/, "") : null;
}

/** Scheme, "www.", default ports, fragment and trailing slash dropped; host lower-cased. */
export function urlKey(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    const host = parsed.hostname.toLowerCase().replace(/^www\./, "");
    const path = parsed.pathname.replace(/\/+$/, "");
    return `${host}${path}${parsed.search}`;
  } catch {
    return null;
  }
}

/**
 * Title folded for comparison in any script: case, Latin accents, Arabic diacritics and
 * tatweel, punctuation and spacing are ignored, then "|year" is appended.
 */
export function titleKey(title: string, issued: string | null | undefined): string {
  const folded = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u064b-\u065f\u0670\u0640]/g, "")
    .replace(/[أإآ]/g, "ا")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return `${folded}|${yearOf(issued) ?? ""}`;
}
