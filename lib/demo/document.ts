import type { JSONContent } from "@tiptap/core";
import type { CitationItem, IncidentCitationItem } from "@/lib/editor/citation-items";
import {
  cleanEmbedSpec,
  INCIDENT_NODE,
  type IncidentEmbedKind,
} from "@/lib/editor/incident-embeds";
import { embedSpecSchema, type EmbedSpecInput } from "@/lib/incidents/query-schema";
import { liveDocumentOfUpdates, type LiveDocument } from "@/lib/publishing/live-document";
import { yStateOfJson } from "@/lib/publishing/y-state";

type SpecOf<K extends IncidentEmbedKind> = Omit<Extract<EmbedSpecInput, { kind: K }>, "kind">;

/** Inline content of a demo paragraph: text, a footnote, or a live figure. */
export type DemoInline =
  | string
  /** A footnote citing demo sources, by title. */
  | { cite: string[] }
  /** A footnote citing rows of the demo UCDP sample, by their GED id. */
  | { citeRows: string[] }
  | { figure: SpecOf<"figure"> };

/** A block of a demo brief: a paragraph, or a live incident table or chart. */
export type DemoBlock = DemoInline[] | { table: SpecOf<"table"> } | { chart: SpecOf<"chart"> };

/** What the cited things are in this workspace: source ids, and rows as a citation names them. */
export type DemoTargets = {
  sourceIds: ReadonlyMap<string, string>;
  rows: ReadonlyMap<string, IncidentCitationItem>;
};

function embed(kind: IncidentEmbedKind, spec: object): JSONContent {
  // The demo's own specs: a typo here should fail the seed's test, not publish a broken embed.
  embedSpecSchema.parse({ ...spec, kind });
  return { type: INCIDENT_NODE[kind], attrs: { spec: cleanEmbedSpec({ ...spec, kind }, kind) } };
}

/**
 * A citation node with the items that exist here. A source or row that is not in the
 * workspace (deleted, or a desk whose UCDP data came from another file) is left out rather
 * than cited broken; a footnote left with nothing to cite is dropped.
 */
function citation(items: (CitationItem | undefined)[]): JSONContent[] {
  const found = items.filter((i): i is CitationItem => i !== undefined);
  return found.length ? [{ type: "citation", attrs: { items: found } }] : [];
}

function inline(part: DemoInline, targets: DemoTargets): JSONContent[] {
  if (typeof part === "string") return [{ type: "text", text: part }];
  if ("figure" in part) return [embed("figure", part.figure)];
  if ("cite" in part) {
    return citation(
      part.cite.map((title) => {
        const id = targets.sourceIds.get(title);
        return id ? { kind: "source", id } : undefined;
      }),
    );
  }
  return citation(part.citeRows.map((rowId) => targets.rows.get(rowId)));
}

/** The ProseMirror JSON of a demo brief (paragraph direction left to the browser). */
export function demoDocumentJson(blocks: DemoBlock[], targets: DemoTargets): JSONContent {
  return {
    type: "doc",
    content: blocks.map((block) => {
      if (Array.isArray(block))
        return {
          type: "paragraph",
          attrs: { dir: "auto" },
          content: block.flatMap((p) => inline(p, targets)),
        };
      return "table" in block ? embed("table", block.table) : embed("chart", block.chart);
    }),
  };
}

/**
 * The live document of a demo brief as the collab server would store it (Yjs state) and
 * read it back (JSON, search text and content hash computed by the same code as compaction
 * and publishing), so a seeded brief is indistinguishable from one written in the editor.
 */
export function demoDocument(blocks: DemoBlock[], targets: DemoTargets): LiveDocument {
  return liveDocumentOfUpdates([yStateOfJson(demoDocumentJson(blocks, targets))]);
}

/** The plain text of a demo brief's paragraphs (embeds and footnotes have none). */
export function demoText(blocks: DemoBlock[]): string[] {
  return blocks.flatMap((block) =>
    Array.isArray(block)
      ? [block.map((part) => (typeof part === "string" ? part : "")).join("")]
      : [],
  );
}
