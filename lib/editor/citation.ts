/**
 * The citation node: an inline atom holding the list of things one footnote cites.
 *
 * ## Item model
 * A citation is a *cluster* of items, each of which says what is cited and where in it:
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
 *
 * ## Numbering
 * Numbers are never stored: each citation node is one footnote, numbered in document order
 * by `citationNumbering` (node decorations carrying `data-note`), recomputed from the
 * document on every change. Every co-editor derives them from the same Yjs document, so two
 * people inserting citations at once always converge on the same numbers.
 */
import { Node, mergeAttributes } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

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

export type CitationCluster = { note: number; pos: number; items: CitationItem[] };

/** Every citation in document order with its footnote number (1-based). */
export function collectCitations(doc: PMNode): CitationCluster[] {
  const clusters: CitationCluster[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== CITATION_NODE) return true;
    clusters.push({
      note: clusters.length + 1,
      pos,
      items: normalizeCitationItems(node.attrs.items),
    });
    return false;
  });
  return clusters;
}

/** Same, from ProseMirror JSON (the stored `contentJson`, for the publisher and queries). */
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

export const citationNumberingKey = new PluginKey<DecorationSet>("citationNumbering");

function numberDecorations(doc: PMNode): DecorationSet {
  const decorations = collectCitations(doc).map(({ note, pos }) =>
    Decoration.node(pos, pos + 1, { "data-note": String(note) }, { note }),
  );
  return DecorationSet.create(doc, decorations);
}

/** Footnote number of a citation node view, from the decorations ProseMirror hands it. */
export function noteFromDecorations(decorations: readonly Decoration[]): number | null {
  for (const decoration of decorations) {
    const note = (decoration.spec as { note?: unknown }).note;
    if (typeof note === "number") return note;
  }
  return null;
}

/** Footnote numbers as node decorations, recomputed from the document on every change. */
export function citationNumbering(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: citationNumberingKey,
    state: {
      init: (_, state) => numberDecorations(state.doc),
      apply: (tr, old) => (tr.docChanged ? numberDecorations(tr.doc) : old),
    },
    props: {
      decorations: (state) => citationNumberingKey.getState(state),
    },
  });
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    citation: {
      /** Inserts a citation of `items` at the selection (replacing it). */
      insertCitation: (items: CitationItem[]) => ReturnType;
      /** Replaces the items of the citation at `pos` (fails if none is there any more). */
      updateCitation: (pos: number, items: CitationItem[]) => ReturnType;
      /** Deletes the citation at `pos` (fails if none is there any more). */
      removeCitation: (pos: number) => ReturnType;
    };
  }
}

export type CitationOptions = {
  HTMLAttributes: Record<string, unknown>;
};

export const Citation = Node.create<CitationOptions>({
  name: CITATION_NODE,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      items: {
        default: [],
        parseHTML: (element) => normalizeCitationItems(element.getAttribute("data-items")),
        renderHTML: (attributes) => ({
          "data-items": JSON.stringify(normalizeCitationItems(attributes.items)),
        }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "sup[data-citation]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return [
      "sup",
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
        "data-citation": "",
        class: "citation",
      }),
    ];
  },

  renderText() {
    return "";
  },

  addCommands() {
    return {
      insertCitation:
        (items) =>
        ({ commands }) => {
          const clean = normalizeCitationItems(items);
          if (clean.length === 0) return false;
          return commands.insertContent({ type: CITATION_NODE, attrs: { items: clean } });
        },
      updateCitation:
        (pos, items) =>
        ({ tr, dispatch }) => {
          const node = tr.doc.nodeAt(pos);
          const clean = normalizeCitationItems(items);
          if (node?.type.name !== CITATION_NODE || clean.length === 0) return false;
          if (dispatch) tr.setNodeMarkup(pos, undefined, { ...node.attrs, items: clean });
          return true;
        },
      removeCitation:
        (pos) =>
        ({ tr, dispatch }) => {
          if (tr.doc.nodeAt(pos)?.type.name !== CITATION_NODE) return false;
          if (dispatch) tr.delete(pos, pos + 1);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [citationNumbering()];
  },
});
