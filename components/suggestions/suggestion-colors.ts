import type { AnyExtension } from "@tiptap/core";
import { mergeAttributes } from "@tiptap/core";
import { presenceColor, userColor } from "@/lib/collab/presence-color";
import { Deletion, Insertion, readSuggestionAttrs } from "@/lib/editor/suggestion-marks";

/** The colour a suggestion is shown in: its author's presence colour (grey when unknown). */
export function suggestionColor(author: string | null): string {
  return presenceColor(author ? userColor(author) : null);
}

function colored(mark: typeof Insertion | typeof Deletion, tag: "ins" | "del") {
  return mark.extend({
    renderHTML({ mark: m, HTMLAttributes }) {
      const attrs = readSuggestionAttrs(m.attrs as Record<string, unknown>);
      return [
        tag,
        mergeAttributes(HTMLAttributes, {
          class: `suggestion-${tag === "ins" ? "insertion" : "deletion"}`,
          "data-suggestion": attrs.id ?? "malformed",
          "data-author": attrs.author ?? "",
          title: attrs.authorName,
          // A checked hex colour only (presenceColor), never a client's raw value.
          style: `--suggestion-color: ${suggestionColor(attrs.author)}`,
        }),
        0,
      ];
    },
  });
}

/** The browser's suggestion marks: the same schema, drawn in each author's colour. */
export function withSuggestionColors(list: AnyExtension[]): AnyExtension[] {
  return list.map((e) =>
    e.name === Insertion.name
      ? colored(Insertion, "ins")
      : e.name === Deletion.name
        ? colored(Deletion, "del")
        : e,
  );
}
