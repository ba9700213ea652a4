import type { AnyExtension } from "@tiptap/core";
import { TableKit, type TableKitOptions } from "@tiptap/extension-table";
import { StarterKit, type StarterKitOptions } from "@tiptap/starter-kit";
import { Citation } from "./citation";
import { IncidentEmbeds } from "./incident-embeds";
import { isSafeLinkHref } from "./link-href";
import { SuggestionMarks } from "./suggestion-marks";
import { TextDirectionExtension } from "./text-direction";

/** Link options as StarterKit takes them (the link package is StarterKit's dependency, not ours). */
type LinkOptions = Exclude<StarterKitOptions["link"], false>;

export type EditorSchemaOptions = {
  /**
   * Link behaviour that only matters in a browser (opening on click, autolinking).
   * `isAllowedUri` cannot be overridden: URL sanitising is part of the schema.
   */
  link?: Omit<LinkOptions, "isAllowedUri">;
  /** Table options, e.g. `{ table: { resizable: true } }` in the browser. */
  tables?: Partial<TableKitOptions>;
};

export const HEADING_LEVELS = [1, 2, 3] as const;

/**
 * The one Briefroom editor schema, headless: the browser, the collab server and the
 * publisher all build from this list, so a document written in one is read the same way
 * by the others. The browser appends Collaboration / CollaborationCaret and node views.
 */
export function extensions(options: EditorSchemaOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs owns undo/redo (y-prosemirror's UndoManager through the Collaboration extension);
      // ProseMirror's history would undo other people's edits.
      undoRedo: false,
      heading: { levels: [...HEADING_LEVELS] },
      link: {
        openOnClick: false,
        ...options.link,
        isAllowedUri: (url) => isSafeLinkHref(url),
      },
    }),
    TableKit.configure(options.tables ?? {}),
    TextDirectionExtension,
    // Inline citation atom; the browser swaps in its node view with Citation.extend().
    Citation,
    // Live incident table / inline figure / chart (query stored, not results).
    ...IncidentEmbeds,
    // Suggested insertions and deletions (track changes), with their author and time.
    ...SuggestionMarks,
  ];
}
