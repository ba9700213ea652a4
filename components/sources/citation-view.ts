import type { Node as PMNode } from "@tiptap/pm/model";
import type { Decoration } from "@tiptap/pm/view";
import {
  Citation,
  citationItemKey,
  noteFromDecorations,
  normalizeCitationItems,
} from "@/lib/editor/citation";

/** What the page knows about cited things, for the marker's tooltip (filled by CitationNotes). */
export const citationCards = new Map<string, string>();
/** Keys that are known to be missing (deleted sources). */
export const missingKeys = new Set<string>();
export const CITE_EVENT = "briefroom:cite";

function describe(node: PMNode, missingLabel: string): string {
  return normalizeCitationItems(node.attrs.items)
    .map((item) => {
      const key = citationItemKey(item);
      if (missingKeys.has(key)) return missingLabel;
      const card = citationCards.get(key) ?? "";
      return [item.prefix, card, item.locator, item.suffix].filter(Boolean).join(" ");
    })
    .join("\n");
}

/**
 * The browser's citation node: the headless node plus a plain-DOM view showing the footnote
 * number that the numbering plugin hands over as a decoration, and Mod-Shift-C to cite.
 */
export function citationWithView(labels: { missing: string }) {
  return Citation.extend({
    addNodeView() {
      return ({ node, decorations }) => {
        const dom = document.createElement("sup");
        dom.className = "citation";
        dom.dataset.testid = "citation-marker";
        dom.contentEditable = "false";
        let current = node;
        const render = (decos: readonly Decoration[]) => {
          const note = noteFromDecorations(decos);
          dom.textContent = note === null ? "*" : String(note);
          dom.dataset.note = note === null ? "" : String(note);
        };
        render(decorations);
        dom.addEventListener("mouseenter", () => {
          dom.title = describe(current, labels.missing);
        });
        dom.addEventListener("click", () => {
          const target = document.getElementById(`note-${dom.dataset.note}`);
          target?.scrollIntoView({ behavior: "smooth", block: "center" });
          target?.classList.add("flash");
          window.setTimeout(() => target?.classList.remove("flash"), 1200);
        });
        return {
          dom,
          update: (updated, decos) => {
            if (updated.type !== current.type) return false;
            current = updated;
            render(decos);
            return true;
          },
          ignoreMutation: () => true,
        };
      };
    },
    addKeyboardShortcuts() {
      return {
        "Mod-Shift-c": () => {
          this.editor.view.dom.dispatchEvent(new CustomEvent(CITE_EVENT));
          return true;
        },
      };
    },
  });
}
