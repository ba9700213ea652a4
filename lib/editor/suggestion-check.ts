import { acceptedContentJson } from "./accepted-content";
import { canonicalJson } from "../documents/content-hash";
import { readSuggestionAttrs, SUGGESTION_MARK } from "./suggestion-marks";

/**
 * Whether going from `before` to `after` (ProseMirror JSON of a brief) only suggests:
 * the accepted content is the same, every suggestion that appeared is `authorId`'s, and
 * everyone else's suggestions are exactly as they were (one may withdraw only one's own).
 * This is the rule a suggest-only member's edits must pass (someone who may comment but
 * not edit); the collaboration server does not apply it yet, so today only editors write.
 */
export function isPureSuggestion(before: unknown, after: unknown, authorId: string): boolean {
  if (canonicalJson(acceptedContentJson(before)) !== canonicalJson(acceptedContentJson(after)))
    return false;
  const was = suggestionsByIdOf(before);
  const now = suggestionsByIdOf(after);
  for (const [id, entry] of now) {
    const previous = was.get(id);
    if (!previous) {
      if (entry.author !== authorId) return false;
    } else if (previous.author !== authorId && !sameEntry(previous, entry)) return false;
  }
  for (const [id, entry] of was) {
    if (entry.author !== authorId && !now.has(id)) return false;
  }
  return true;
}

type Entry = { author: string | null; inserted: string; deleted: string };

function sameEntry(a: Entry, b: Entry): boolean {
  return a.author === b.author && a.inserted === b.inserted && a.deleted === b.deleted;
}

function suggestionsByIdOf(json: unknown): Map<string, Entry> {
  const byId = new Map<string, Entry>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as {
      type?: unknown;
      text?: unknown;
      marks?: { type?: unknown; attrs?: Record<string, unknown> }[];
      content?: unknown[];
    };
    for (const mark of n.marks ?? []) {
      const kind =
        mark.type === SUGGESTION_MARK.insertion
          ? "inserted"
          : mark.type === SUGGESTION_MARK.deletion
            ? "deleted"
            : null;
      if (!kind) continue;
      const attrs = readSuggestionAttrs(mark.attrs);
      const id = attrs.id ?? "malformed";
      const entry = byId.get(id) ?? { author: attrs.author, inserted: "", deleted: "" };
      entry[kind] += typeof n.text === "string" ? n.text : `[${String(n.type)}]`;
      byId.set(id, entry);
    }
    n.content?.forEach(visit);
  };
  visit(json);
  return byId;
}
