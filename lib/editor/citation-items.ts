/**
 * What a citation cites: a *cluster* of items, each of which says what is cited and where
 * in it. The citation node (citation.ts) stores a cluster in its `items` attribute.
 *
 * - `{ kind: "source", id, locator?, label?, prefix?, suffix? }`: a row of the workspace's
 *   source library (lib/sources), by id. If the source is deleted later, the footnote says
 *   "missing source"; nothing in the editor or publisher breaks.
 * - `{ kind: "incident", dataset, rowId, version, accessed, locator?, label?, prefix?, suffix? }`:
 *   a row of an incident dataset (lib/incidents: UCDP GED, ACLED, in-house). The item carries
 *   what a reader needs to find the row again (dataset, row id, release, access date), so it
 *   formats even without a database look-up; lib/citations turns it into a CSL `dataset` item.
 *
 * Both kinds share the node, and so the footnote numbering and the bibliography.
 */
export const CITATION_NODE = "citation";

/** CSL locator labels offered to analysts (citeproc understands all of them). */
export const LOCATOR_LABELS = [
  "page",
  "paragraph",
  "section",
  "chapter",
  "line",
  "figure",
] as const;
export type LocatorLabel = (typeof LOCATOR_LABELS)[number];

type ItemCommon = {
  /** "12", "12–14", "§3" */
  locator?: string;
  label?: LocatorLabel;
  /** Text before the reference inside the note, e.g. "See". */
  prefix?: string;
  /** Text after it, e.g. "on taxation in Nioro". */
  suffix?: string;
};
export type SourceCitationItem = ItemCommon & { kind: "source"; id: string };
export type IncidentCitationItem = ItemCommon & {
  kind: "incident";
  /** Dataset name as readers know it: "UCDP GED", "ACLED", "Briefroom in-house". */
  dataset: string;
  /** Row id in that dataset (GED id, ACLED event_id_cnty…). */
  rowId: string;
  /** Dataset release the row was read from, e.g. "25.1". */
  version: string;
  /** When the row was consulted, "YYYY-MM-DD". */
  accessed: string;
};
export type CitationItem = SourceCitationItem | IncidentCitationItem;

const MAX_ITEMS = 20;
const MAX_TEXT = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(value: unknown, max = MAX_TEXT): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.replace(/[\u0000-\u001f]/g, " ").trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

function common(raw: Record<string, unknown>): ItemCommon {
  const label = LOCATOR_LABELS.find((l) => l === raw.label);
  const out: ItemCommon = {};
  const locator = text(raw.locator, 40);
  const prefix = text(raw.prefix);
  const suffix = text(raw.suffix);
  if (locator) out.locator = locator;
  if (locator && label) out.label = label;
  if (prefix) out.prefix = prefix;
  if (suffix) out.suffix = suffix;
  return out;
}

/**
 * Keeps only well-formed items (from pasted HTML, an old client, a hostile peer): unknown
 * fields dropped, strings trimmed and bounded. Never throws.
 */
export function normalizeCitationItems(value: unknown): CitationItem[] {
  let raw = value;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(raw)) return [];
  const items: CitationItem[] = [];
  for (const entry of raw.slice(0, MAX_ITEMS)) {
    if (!entry || typeof entry !== "object") continue;
    const item = entry as Record<string, unknown>;
    if (item.kind === "source" && typeof item.id === "string" && UUID.test(item.id)) {
      items.push({ kind: "source", id: item.id.toLowerCase(), ...common(item) });
    } else if (item.kind === "incident") {
      const dataset = text(item.dataset, 80);
      const rowId = text(item.rowId, 80);
      if (!dataset || !rowId) continue;
      items.push({
        kind: "incident",
        dataset,
        rowId,
        version: text(item.version, 40) ?? "",
        accessed: text(item.accessed, 10) ?? "",
        ...common(item),
      });
    }
  }
  return items;
}

/** A stable key for an item's target, e.g. "source:<uuid>" or "incident:ACLED:MLI1234". */
export function citationItemKey(item: CitationItem): string {
  return item.kind === "source"
    ? `source:${item.id}`
    : `incident:${item.dataset}:${item.rowId}:${item.version}`;
}

/**
 * The items of every citation in document order, from ProseMirror JSON (the stored
 * `contentJson`, for the publisher and queries).
 */
export function collectCitationsFromJson(json: unknown): CitationItem[][] {
  const out: CitationItem[][] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as { type?: unknown; attrs?: { items?: unknown }; content?: unknown };
    if (n.type === CITATION_NODE) {
      out.push(normalizeCitationItems(n.attrs?.items));
      return;
    }
    if (Array.isArray(n.content)) n.content.forEach(walk);
  };
  walk(json);
  return out;
}

/** What an analyst edits on one cited item (empty strings remove the field). */
export type CitationDetails = { prefix: string; locator: string; suffix: string };

/**
 * `items` with new prefix / locator / suffix (by index; items without details are kept as
 * they are). A new locator gets the label "page" unless the item had one.
 */
export function withCitationDetails(
  items: CitationItem[],
  details: readonly (CitationDetails | undefined)[],
): CitationItem[] {
  return normalizeCitationItems(
    items.map((item, index) => {
      const detail = details[index];
      if (!detail) return item;
      const rest: CitationItem = { ...item };
      delete rest.prefix;
      delete rest.locator;
      delete rest.suffix;
      delete rest.label;
      const locator = detail.locator.trim();
      return {
        ...rest,
        ...(detail.prefix.trim() ? { prefix: detail.prefix.trim() } : {}),
        ...(locator ? { locator, label: item.label ?? "page" } : {}),
        ...(detail.suffix.trim() ? { suffix: detail.suffix.trim() } : {}),
      };
    }),
  );
}
