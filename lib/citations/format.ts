import CSL from "citeproc";
import {
  citationItemKey,
  type CitationItem,
  type IncidentCitationItem,
} from "@/lib/editor/citation-items";
import { attributionOfCitedRow, attributionText } from "@/lib/incidents/attribution";
import {
  incidentToCsl,
  isolate,
  sourceToCsl,
  type CslItem,
  type SourceForCitation,
} from "./csl-item";
import { sanitizeCitationHtml } from "./sanitize";
import { CSL_LOCALES, localeXml, styleXml, type CitationStyleId } from "./styles";

export type FormattedNote = {
  /** Footnote number, 1-based, in document order. */
  note: number;
  /** Sanitized HTML of the note ("" when every item is missing). */
  html: string;
  /** How many items point at sources that no longer exist. */
  missing: number;
};
export type FormattedBibliography = { key: string; html: string }[];
export type FormattedCitations = { notes: FormattedNote[]; bibliography: FormattedBibliography };

export type FormatInput = {
  style: CitationStyleId;
  /** The brief's language (en, fr, ar): picks the CSL locale (terms, dates, quotes). */
  language: string;
  /** One entry per citation node, in document order. */
  clusters: CitationItem[][];
  /** Library sources by id; an id not in the map is a missing source. */
  sources: ReadonlyMap<string, SourceForCitation>;
};

/**
 * Footnotes and bibliography of a brief through citeproc-js. Pure and synchronous, so the
 * brief page, the publisher and tests share it. Never throws on data: a missing source is
 * counted, and an engine failure falls back to bare titles.
 */
export function formatCitations(input: FormatInput): FormattedCitations {
  const items = new Map<string, CslItem>();
  const clusters = input.clusters.map((cluster, index) => {
    let missing = 0;
    const cited: { key: string; item: CitationItem }[] = [];
    for (const item of cluster) {
      const key = citationItemKey(item);
      if (item.kind === "source") {
        const source = input.sources.get(item.id);
        if (!source) {
          missing += 1;
          continue;
        }
        if (!items.has(key)) items.set(key, { ...sourceToCsl(source), id: key });
      } else if (!items.has(key)) {
        items.set(key, incidentToCsl(key, item as IncidentCitationItem));
      }
      cited.push({ key, item });
    }
    return { note: index + 1, missing, cited };
  });

  let formatted: FormattedCitations;
  try {
    formatted = runCiteproc(input, items, clusters);
  } catch (error) {
    console.error("[citations] citeproc failed; falling back to titles", error);
    const title = (key: string) => escapeHtml(items.get(key)?.title ?? "");
    formatted = {
      notes: clusters.map((c) => ({
        note: c.note,
        missing: c.missing,
        html: c.cited.map(({ key }) => title(key)).join("; "),
      })),
      bibliography: [...items.keys()].map((key) => ({ key, html: title(key) })),
    };
  }
  return withDataAttribution(formatted, clusters);
}

/**
 * Rows of a licensed dataset are credited where they are cited: a note citing UCDP rows
 * ends with UCDP's credit and licence (once per dataset release in that note), and so does
 * each row's bibliography entry. Styles print a dataset's publisher in different places or
 * not at all, so the credit is added after formatting, the same in every style.
 */
function withDataAttribution(
  formatted: FormattedCitations,
  clusters: { cited: { key: string; item: CitationItem }[] }[],
): FormattedCitations {
  const creditOf = new Map<string, string>();
  for (const { cited } of clusters) {
    for (const { key, item } of cited) {
      const attribution = item.kind === "incident" ? attributionOfCitedRow(item) : null;
      if (attribution) creditOf.set(key, attributionText(attribution));
    }
  }
  if (creditOf.size === 0) return formatted;
  const append = (html: string, credits: Iterable<string>) => {
    const text = [...new Set(credits)].map((c) => escapeHtml(isolate(c, true)!)).join("; ");
    return html && text ? `${html} ${text}.` : html;
  };
  return {
    notes: formatted.notes.map((note, i) => ({
      ...note,
      html: append(
        note.html,
        (clusters[i]?.cited ?? []).flatMap(({ key }) => creditOf.get(key) ?? []),
      ),
    })),
    bibliography: formatted.bibliography.map((entry) => {
      const credit = creditOf.get(entry.key);
      return credit ? { ...entry, html: append(entry.html, [credit]) } : entry;
    }),
  };
}

function runCiteproc(
  input: FormatInput,
  items: Map<string, CslItem>,
  clusters: { note: number; missing: number; cited: { key: string; item: CitationItem }[] }[],
): FormattedCitations {
  const lang = CSL_LOCALES[input.language] ?? "en-US";
  const engine = new CSL.Engine(
    {
      retrieveLocale: (l: string) => localeXml(l),
      retrieveItem: (id: string) => items.get(id),
    },
    styleXml(input.style),
    lang,
    true,
  );
  engine.updateItems([...items.keys()]);
  const citations = clusters
    .filter((c) => c.cited.length > 0)
    .map((c) => ({
      citationID: `note-${c.note}`,
      citationItems: c.cited.map(({ key, item }) => ({
        id: key,
        ...(item.locator ? { locator: item.locator, label: item.label ?? "page" } : {}),
        ...(item.prefix ? { prefix: `${item.prefix} ` } : {}),
        ...(item.suffix ? { suffix: ` ${item.suffix}` } : {}),
      })),
      properties: { noteIndex: c.note },
    }));
  const rendered = new Map<string, string>();
  if (citations.length > 0) {
    const out = engine.rebuildProcessorState(citations, "html") as [string, number, string][];
    for (const [id, , html] of out) rendered.set(id, sanitizeCitationHtml(html));
  }
  const notes = clusters.map((c) => ({
    note: c.note,
    missing: c.missing,
    html: rendered.get(`note-${c.note}`) ?? "",
  }));

  const bibliography: FormattedBibliography = [];
  const bib = items.size > 0 ? engine.makeBibliography() : false;
  if (bib) {
    const [meta, entries] = bib as [{ entry_ids: string[][] }, string[]];
    entries.forEach((html, i) =>
      bibliography.push({
        key: meta.entry_ids[i]?.[0] ?? String(i),
        html: sanitizeCitationHtml(html),
      }),
    );
  }
  return { notes, bibliography };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
