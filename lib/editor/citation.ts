/**
 * The citation node: an inline atom holding the list of things one footnote cites (the
 * item model is in citation-items.ts), numbered by the plugin in citation-numbering.ts.
 */
import { Node, mergeAttributes } from "@tiptap/core";
import { CITATION_NODE, normalizeCitationItems, type CitationItem } from "./citation-items";
import { citationNumbering } from "./citation-numbering";

// The item model is the node's attribute: importers of the node get it from here too.
export * from "./citation-items";

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
