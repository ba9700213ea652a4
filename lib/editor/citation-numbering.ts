/**
 * Footnote numbers. They are never stored: each citation node is one footnote, numbered in
 * document order by `citationNumbering` (node decorations carrying `data-note`), recomputed
 * from the document on every change. Every co-editor derives them from the same Yjs
 * document, so two people inserting citations at once always converge on the same numbers.
 */
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { CITATION_NODE, normalizeCitationItems, type CitationItem } from "./citation-items";

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
