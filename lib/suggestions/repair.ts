/**
 * Suggestion attributes as a hostile client may write them: any value at all under the
 * `insertion` / `deletion` / `modification` formatting keys of the shared text. Readers are
 * already safe (readSuggestionAttrs); this rewrites the document itself so every client,
 * the panel and the history read a clean mark: a bad id becomes a new UUID, a bad author
 * becomes unknown, an overlong name is cut, a bad time is dropped. The text stays a pending
 * suggestion, never accepted content.
 */
import * as Y from "yjs";
import {
  MAX_SUGGESTION_AUTHOR_NAME,
  readSuggestionAttrs,
  SUGGESTION_MARK_NAMES,
} from "@/lib/editor/suggestion-marks";
import { YDOC_FRAGMENT } from "@/lib/editor/schema";
import { newSuggestionId } from "./ids";

const KEYS = new Set(SUGGESTION_MARK_NAMES);

/** Whether a suggestion mark's stored value is exactly what our clients write. */
export function isWellFormedSuggestionValue(value: unknown): boolean {
  if (value === null) return true; // a mark being removed
  if (typeof value !== "object" || Array.isArray(value)) return false;
  const raw = value as Record<string, unknown>;
  const read = readSuggestionAttrs(raw);
  return (
    read.id !== null &&
    read.id === raw.id &&
    // Unknown (null) is allowed: it is what a repair leaves when the author was malformed.
    read.author === (raw.author ?? null) &&
    typeof raw.authorName === "string" &&
    raw.authorName === read.authorName &&
    read.at !== null
  );
}

/** Cheap test of one incoming update: does it set a malformed suggestion attribute? */
export function updateHasMalformedSuggestion(update: Uint8Array): boolean {
  const { structs } = Y.decodeUpdate(update);
  return structs.some(
    (struct) =>
      struct instanceof Y.Item &&
      struct.content instanceof Y.ContentFormat &&
      KEYS.has(struct.content.key) &&
      !isWellFormedSuggestionValue(struct.content.value),
  );
}

/** Rewrites every malformed suggestion attribute of `doc`'s text; returns how many ranges. */
export function repairSuggestionAttributes(doc: Y.Doc, origin: unknown = null): number {
  const fresh = new Map<string, string>();
  const fixes: { text: Y.XmlText; index: number; length: number; key: string; value: object }[] =
    [];
  const visit = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      let index = 0;
      for (const op of node.toDelta() as {
        insert: unknown;
        attributes?: Record<string, unknown>;
      }[]) {
        const length = typeof op.insert === "string" ? op.insert.length : 1;
        for (const [key, value] of Object.entries(op.attributes ?? {})) {
          if (!KEYS.has(key) || isWellFormedSuggestionValue(value)) continue;
          fixes.push({ text: node, index, length, key, value: cleaned(value, fresh) });
        }
        index += length;
      }
      return;
    }
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) visit(child);
    }
  };
  visit(doc.getXmlFragment(YDOC_FRAGMENT));
  if (fixes.length === 0) return 0;
  doc.transact(() => {
    for (const fix of fixes) fix.text.format(fix.index, fix.length, { [fix.key]: fix.value });
  }, origin);
  return fixes.length;
}

function cleaned(value: unknown, fresh: Map<string, string>): object {
  const raw =
    value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const read = readSuggestionAttrs(raw);
  // One new id per malformed id, so a run split over several ranges stays one suggestion.
  const key = typeof raw.id === "string" ? raw.id.slice(0, 200) : "";
  let id = read.id;
  if (!id) {
    id = fresh.get(key) ?? newSuggestionId();
    fresh.set(key, id);
  }
  return {
    ...(typeof raw.type === "string" ? { type: raw.type.slice(0, 40) } : {}),
    id,
    author: read.author,
    authorName: read.authorName.slice(0, MAX_SUGGESTION_AUTHOR_NAME),
    at: read.at ?? new Date().toISOString(),
  };
}
