import { Extension } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import type { Decoration } from "@tiptap/pm/view";
import { Citation } from "@/lib/editor/citation";
import { CITATION_NODE } from "@/lib/editor/citation-items";
import { noteFromDecorations } from "@/lib/editor/citation-numbering";

export const CITE_EVENT = "briefroom:cite";
/** Asks the citation card (CitationCard) to show, pin or hide the card of one citation. */
export const CITATION_CARD_EVENT = "briefroom:citation-card";
export type CitationCardRequest = {
  /** Position of the citation node in the document. */
  pos: number;
  /** The marker the card is placed against. */
  anchor: HTMLElement;
  /** hover: preview; pin: stays open (click); keyboard: stays open and takes focus; leave. */
  mode: "hover" | "pin" | "keyboard" | "leave";
};

/**
 * The browser's citation node: the headless node plus a plain-DOM view showing the footnote
 * number that the numbering plugin hands over as a decoration. The marker is focusable; hover
 * previews its card, click / Enter / Space opens it (Enter on a selected citation too).
 * Mod-Shift-C cites.
 */
export function citationWithView(labels: { note: (note: number) => string }) {
  return Citation.extend({
    addNodeView() {
      return ({ decorations, getPos, editor }) => {
        const dom = document.createElement("sup");
        dom.className = "citation";
        dom.dataset.testid = "citation-marker";
        dom.contentEditable = "false";
        dom.tabIndex = 0;
        dom.setAttribute("role", "button");
        dom.setAttribute("aria-haspopup", "dialog");
        const render = (decos: readonly Decoration[]) => {
          const note = noteFromDecorations(decos);
          dom.textContent = note === null ? "*" : String(note);
          dom.dataset.note = note === null ? "" : String(note);
          if (note !== null) dom.setAttribute("aria-label", labels.note(note));
        };
        render(decorations);
        const send = (mode: CitationCardRequest["mode"]) => {
          const pos = getPos();
          if (typeof pos !== "number") return;
          const detail: CitationCardRequest = { pos, anchor: dom, mode };
          editor.view.dom.dispatchEvent(new CustomEvent(CITATION_CARD_EVENT, { detail }));
        };
        dom.addEventListener("mouseenter", () => send("hover"));
        dom.addEventListener("mouseleave", () => send("leave"));
        dom.addEventListener("click", () => send("pin"));
        dom.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            send("keyboard");
          }
        });
        return {
          dom,
          update: (updated, decos) => {
            if (updated.type.name !== CITATION_NODE) return false;
            render(decos);
            return true;
          },
          // Keys typed on the focused marker are the marker's, not the text's.
          stopEvent: (event) => event.type === "keydown" && event.target === dom,
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

/**
 * Enter on a selected citation (arrowing onto one selects it) opens its card. Its own
 * extension with a high priority, so it runs before Enter splits the paragraph, without
 * moving the citation node in the schema.
 */
export const CitationCardKeys = Extension.create({
  name: "citationCardKeys",
  priority: 1000,
  addKeyboardShortcuts() {
    return {
      // Arrowing onto a citation selects it; Enter then opens its card.
      Enter: () => {
        const { selection } = this.editor.state;
        if (!(selection instanceof NodeSelection)) return false;
        if (selection.node.type.name !== CITATION_NODE) return false;
        const anchor = this.editor.view.nodeDOM(selection.from);
        if (!(anchor instanceof HTMLElement)) return false;
        const detail: CitationCardRequest = { pos: selection.from, anchor, mode: "keyboard" };
        this.editor.view.dom.dispatchEvent(new CustomEvent(CITATION_CARD_EVENT, { detail }));
        return true;
      },
    };
  },
});
