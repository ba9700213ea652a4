import type { Node as PMNode } from "@tiptap/pm/model";
import { readSuggestionAttrs, SUGGESTION_MARK } from "@/lib/editor/suggestion-marks";

/** One pending suggestion as a card shows it. */
export type Suggestion = {
  /** The mark id; "malformed" groups marks whose id is not a UUID (only "all" reaches them). */
  id: string;
  author: string | null;
  authorName: string;
  /** Earliest time among its marks, ISO. */
  at: string | null;
  /** Document range from its first to its last marked character. */
  from: number;
  to: number;
  inserted: string;
  deleted: string;
};

export const MALFORMED = "malformed";
const ZWSP = /\u200B/g;

/** Every pending suggestion of `doc`, in document order. */
export function collectSuggestions(doc: PMNode): Suggestion[] {
  const byId = new Map<string, Suggestion & { lastParent: PMNode | null }>();
  doc.descendants((node, pos, parent) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const kind =
        mark.type.name === SUGGESTION_MARK.insertion
          ? "inserted"
          : mark.type.name === SUGGESTION_MARK.deletion
            ? "deleted"
            : null;
      if (!kind) continue;
      const attrs = readSuggestionAttrs(mark.attrs);
      const id = attrs.id ?? MALFORMED;
      let entry = byId.get(id);
      if (!entry) {
        entry = {
          id,
          author: attrs.author,
          authorName: attrs.authorName,
          at: attrs.at,
          from: pos,
          to: pos + node.nodeSize,
          inserted: "",
          deleted: "",
          lastParent: parent,
        };
        byId.set(id, entry);
      }
      // A suggestion that spans blocks reads with a space where the blocks meet.
      // An inline node (a citation, a figure) reads as its name in brackets.
      const text = node.isText ? (node.text ?? "") : `[${node.type.name}]`;
      const gap = entry.lastParent !== parent && entry[kind] ? " " : "";
      entry[kind] += gap + text.replace(ZWSP, "");
      entry.lastParent = parent;
      entry.to = pos + node.nodeSize;
      if (attrs.at && (!entry.at || attrs.at < entry.at)) entry.at = attrs.at;
    }
    return false;
  });
  return [...byId.values()].map(({ lastParent: _unused, ...rest }) => rest);
}

export type SummaryKind = "replace" | "format" | "insert" | "delete" | "split" | "join";

/** What a suggestion does, as a message key and the quoted texts (cut to `max` characters). */
export function summarize(
  suggestion: Pick<Suggestion, "inserted" | "deleted">,
  max = 60,
): { kind: SummaryKind; inserted: string; deleted: string } {
  const inserted = cut(suggestion.inserted.trim(), max);
  const deleted = cut(suggestion.deleted.trim(), max);
  const kind: SummaryKind =
    inserted && deleted
      ? suggestion.inserted === suggestion.deleted
        ? "format"
        : "replace"
      : inserted
        ? "insert"
        : deleted
          ? "delete"
          : suggestion.inserted || !suggestion.deleted
            ? "split"
            : "join";
  return { kind, inserted, deleted };
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
