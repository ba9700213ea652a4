import {
  disableSuggestChanges,
  enableSuggestChanges,
  isSuggestChangesEnabled,
  suggestChanges,
} from "@handlewithcare/prosemirror-suggest-changes";
import { Extension } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { collectSuggestions } from "@/lib/suggestions/collect";
import {
  isTrackable,
  suggestTransaction,
  type SuggestionAuthor,
} from "@/lib/suggestions/transform";

export type SuggestModeOptions = {
  author: SuggestionAuthor;
  /** Called when Ctrl/Cmd+Alt+S asks to switch (the page saves the choice). */
  onToggle: (suggesting: boolean) => void;
  /** Called when an edit cannot be suggested and was dropped. */
  onRefused: () => void;
};

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    suggestMode: {
      setSuggesting: (suggesting: boolean) => ReturnType;
    };
  }
}

/**
 * Suggesting mode in the browser: while it is on, every edit of this person's becomes a
 * suggestion (lib/suggestions/transform.ts) before it reaches the document, so what Yjs
 * shares is already the suggestion. Remote changes, undo/redo and accept/reject pass as
 * they are. Ctrl/Cmd+Alt+S switches; Alt+↓ / Alt+↑ select the next or previous suggestion.
 */
export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: "suggestMode",

  addOptions() {
    return {
      author: { id: "", name: "" },
      onToggle: () => undefined,
      onRefused: () => undefined,
    };
  },

  addProseMirrorPlugins() {
    return [suggestChanges()];
  },

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    if (!isSuggestChangesEnabled(state) || !isTrackable(transaction)) return next(transaction);
    const tracked = suggestTransaction(transaction, state, this.options.author);
    if (!tracked) {
      this.options.onRefused();
      return;
    }
    next(tracked);
  },

  addCommands() {
    return {
      setSuggesting:
        (suggesting) =>
        ({ state, dispatch }) =>
          suggesting
            ? enableSuggestChanges(state, dispatch)
            : disableSuggestChanges(state, dispatch),
    };
  },

  addKeyboardShortcuts() {
    const move = (direction: 1 | -1) => () => {
      const { state, view } = this.editor;
      const list = collectSuggestions(state.doc);
      if (list.length === 0) return false;
      const here = state.selection.from;
      const target =
        direction === 1
          ? (list.find((s) => s.from > here) ?? list[0]!)
          : (list.findLast((s) => s.to < here) ?? list[list.length - 1]!);
      view.dispatch(
        state.tr
          .setSelection(TextSelection.create(state.doc, target.from, target.to))
          .scrollIntoView(),
      );
      return true;
    };
    return {
      "Mod-Alt-s": () => {
        this.options.onToggle(!isSuggestChangesEnabled(this.editor.state));
        return true;
      },
      "Alt-ArrowDown": move(1),
      "Alt-ArrowUp": move(-1),
    };
  },
});

export { isSuggestChangesEnabled };
