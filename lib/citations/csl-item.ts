import type { IncidentCitationItem } from "@/lib/editor/citation-items";
import { toCslDate } from "@/lib/sources/edtf";

/** A CSL-JSON item as citeproc reads it (only the fields we fill). */
export type CslItem = {
  id: string;
  type: string;
  title?: string;
  author?: ({ family: string; given?: string } | { literal: string })[];
  issued?: { "date-parts": number[][] };
  accessed?: { "date-parts": number[][] };
  "container-title"?: string;
  publisher?: string;
  "publisher-place"?: string;
  URL?: string;
  DOI?: string;
  language?: string;
  archive?: string;
  archive_location?: string;
  version?: string;
  number?: string;
};

/** The columns of a Source that formatting needs. */
export type SourceForCitation = {
  id: string;
  type: string;
  title: string;
  titleTranslated: string | null;
  authors: unknown;
  issued: string | null;
  accessed: string | null;
  containerTitle: string | null;
  publisher: string | null;
  publisherPlace: string | null;
  url: string | null;
  doi: string | null;
  language: string | null;
  archive: string | null;
  archiveLocation: string | null;
};

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * Wraps text in a first-strong isolate (U+2068 … U+2069) when it contains right-to-left
 * script, so an Arabic title keeps its own direction inside an English or French note and
 * the style's punctuation stays on the correct side, in HTML, DOCX and plain text alike.
 */
export function isolate(value: string | undefined | null, force = false): string | undefined {
  if (!value) return undefined;
  return force || RTL.test(value) ? `\u2068${value}\u2069` : value;
}

function names(authors: unknown): CslItem["author"] {
  if (!Array.isArray(authors)) return undefined;
  const out: NonNullable<CslItem["author"]> = [];
  for (const raw of authors) {
    if (!raw || typeof raw !== "object") continue;
    const a = raw as { family?: unknown; given?: unknown; literal?: unknown };
    if (typeof a.literal === "string" && a.literal) out.push({ literal: isolate(a.literal)! });
    else if (typeof a.family === "string" && a.family) {
      // Arabic names read best as written (e.g. "عبد الله ولد محمد"): one literal, isolated.
      if (RTL.test(a.family) || (typeof a.given === "string" && RTL.test(a.given))) {
        const full = [a.given, a.family].filter((p) => typeof p === "string" && p).join(" ");
        out.push({ literal: isolate(full)! });
      } else {
        out.push({
          family: a.family,
          ...(typeof a.given === "string" && a.given ? { given: a.given } : {}),
        });
      }
    }
  }
  return out.length ? out : undefined;
}

/** A library source as a CSL-JSON item; the translated title follows in brackets. */
export function sourceToCsl(source: SourceForCitation): CslItem {
  const title = isolate(source.title)!;
  const translated = source.titleTranslated
    ? `${title} [${isolate(source.titleTranslated)}]`
    : title;
  const item: CslItem = {
    id: source.id,
    type: source.type,
    title: translated,
    author: names(source.authors),
    issued: toCslDate(source.issued),
    accessed: toCslDate(source.accessed),
    "container-title": isolate(source.containerTitle),
    publisher: isolate(source.publisher),
    "publisher-place": isolate(source.publisherPlace),
    URL: source.url ?? undefined,
    DOI: source.doi ?? undefined,
    language: source.language ?? undefined,
    archive: isolate(source.archive),
    archive_location: isolate(source.archiveLocation),
  };
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as CslItem;
}

/** An incident row as a CSL `dataset` item: dataset name, release, row id, access date. */
export function incidentToCsl(id: string, item: IncidentCitationItem): CslItem {
  return {
    id,
    type: "dataset",
    // Styles rarely print CSL `version` for datasets, so the release goes into the title.
    title: `${item.dataset}${item.version ? ` ${item.version}` : ""}, ${item.rowId}`,
    ...(item.version ? { version: item.version } : {}),
    ...(toCslDate(item.accessed) ? { accessed: toCslDate(item.accessed) } : {}),
  };
}
