/**
 * Turning an edit into a suggestion. @handlewithcare/prosemirror-suggest-changes rewrites
 * the transaction (deleted text stays, marked `deletion`; typed text is marked
 * `insertion`); this module gives every new mark a UUID and its author and time, and keeps
 * other people's suggestions theirs: the library joins a new change to any suggestion it
 * touches, whoever made it, so text typed beside a colleague's suggestion would become
 * theirs. Here typing inside your own suggestion extends it; beside someone else's it
 * starts a new one.
 */
import {
  suggestChangesKey,
  transformToSuggestionTransaction,
} from "@handlewithcare/prosemirror-suggest-changes";
import type { Mark, MarkType, Node as PMNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { AddNodeMarkStep, AttrStep, RemoveNodeMarkStep } from "@tiptap/pm/transform";
import { readSuggestionAttrs, SUGGESTION_MARK } from "@/lib/editor/suggestion-marks";
import { newSuggestionId } from "./ids";

export type SuggestionAuthor = { id: string; name: string };

/**
 * Whether a transaction is the user's own edit, to be suggested rather than applied:
 * remote changes, undo/redo and our own accept/reject steps are left alone (the library's
 * own rule, withSuggestChanges).
 */
export function isTrackable(tr: Transaction): boolean {
  if (!tr.docChanged) return false;
  const ySync = (tr.getMeta("y-sync$") ?? {}) as {
    isChangeOrigin?: boolean;
    isUndoRedoOperation?: boolean;
  };
  if (ySync.isChangeOrigin || ySync.isUndoRedoOperation) return false;
  if (tr.getMeta("history$") || tr.getMeta("collab$")) return false;
  const own = tr.getMeta(suggestChangesKey) as Record<string, unknown> | undefined;
  return !(own && "skip" in own);
}

/**
 * The suggestion that `tr` (made on `state`) becomes when `author` is suggesting, or null
 * when it cannot be suggested: block-level suggestions (a whole paragraph, a table, a
 * heading level, a direction) would live in node marks, which the Yjs binding does not
 * share (every other client and the server would see the change made for real).
 */
export function suggestTransaction(
  tr: Transaction,
  state: EditorState,
  author: SuggestionAuthor,
  now: Date = new Date(),
): Transaction | null {
  let tracked: Transaction;
  try {
    tracked = transformToSuggestionTransaction(tr, state, () => newSuggestionId());
  } catch {
    return null;
  }
  if (tracked.steps.some(isBlockLevel)) return null;
  attribute(tracked, state.doc, author, now.toISOString());
  return tracked;
}

function isBlockLevel(step: unknown): boolean {
  return (
    step instanceof AddNodeMarkStep ||
    step instanceof RemoveNodeMarkStep ||
    step instanceof AttrStep
  );
}

/** The range of the new document that `tr`'s steps touched (mark steps have empty maps). */
function changedRange(tr: Transaction): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  tr.steps.forEach((step, index) => {
    const later = tr.mapping.slice(index + 1);
    const touched = step as unknown as { from?: unknown; to?: unknown };
    if (typeof touched.from === "number" && typeof touched.to === "number") {
      const map = step.getMap();
      from = Math.min(from, later.map(map.map(touched.from, -1), -1));
      to = Math.max(to, later.map(map.map(touched.to, 1), 1));
    }
    step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      from = Math.min(from, later.map(newStart, -1));
      to = Math.max(to, later.map(newEnd, 1));
    });
  });
  if (from > to) return null;
  return { from: Math.max(0, from - 1), to: Math.min(tr.doc.content.size, to + 1) };
}

/** Each suggestion of `doc` by id: its author, and the time it was first made. */
function owners(
  doc: PMNode,
  types: MarkType[],
): Map<string, { author: string | null; at: string | null }> {
  const byId = new Map<string, { author: string | null; at: string | null }>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (!types.includes(mark.type)) continue;
      const attrs = readSuggestionAttrs(mark.attrs);
      if (attrs.id && !byId.has(attrs.id))
        byId.set(attrs.id, { author: attrs.author, at: attrs.at });
    }
  });
  return byId;
}

/**
 * Gives every mark the library just made (it writes only an id) an owner: characters that
 * were already marked before this edit keep the mark they had (the library may have
 * re-marked a neighbour's suggestion with the new id); the others are this author's, under
 * their own suggestion's id or a new one.
 */
function attribute(tr: Transaction, before: PMNode, author: SuggestionAuthor, at: string): void {
  const range = changedRange(tr);
  if (!range) return;
  const schema = tr.doc.type.schema;
  const types = [SUGGESTION_MARK.insertion, SUGGESTION_MARK.deletion].map(
    (name) => schema.marks[name]!,
  );
  // Read from the whole document only when a new mark needs an id (not for each character).
  let ownerOf: Map<string, { author: string | null; at: string | null }> | null = null;
  const renamed = new Map<string, string>();
  /** The id and time a new mark gets: those of the author's own suggestion it extends. */
  const ownSuggestion = (id: unknown): { id: string; at: string } => {
    const valid = readSuggestionAttrs({ id }).id;
    ownerOf ??= owners(before, types);
    const existing = valid ? ownerOf.get(valid) : undefined;
    // Same time as the rest of the suggestion, so its marks stay equal and merge.
    if (valid && existing?.author === author.id) return { id: valid, at: existing.at ?? at };
    if (valid && !existing) return { id: valid, at };
    const key = valid ?? "";
    let fresh = renamed.get(key);
    if (!fresh) renamed.set(key, (fresh = newSuggestionId()));
    return { id: fresh, at };
  };
  const inverse = tr.mapping.invert();
  type Run = { from: number; to: number; mark: Mark };
  const runs: Run[] = [];
  tr.doc.nodesBetween(range.from, range.to, (node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (!types.includes(mark.type) || mark.attrs.author != null) continue;
      for (let offset = 0; offset < node.nodeSize; offset += 1) {
        const p = pos + offset;
        const start = inverse.mapResult(p, 1).pos;
        const end = inverse.mapResult(p + 1, -1).pos;
        const earlier = end > start ? before.nodeAt(start) : null;
        const had = earlier?.marks.find((m) => m.type === mark.type);
        const wanted =
          had ??
          mark.type.create({
            ...ownSuggestion(mark.attrs.id),
            author: author.id,
            authorName: author.name,
          });
        const last = runs[runs.length - 1];
        if (last && last.to === p && last.mark.eq(wanted)) last.to = p + 1;
        else runs.push({ from: p, to: p + 1, mark: wanted });
      }
    }
    return false;
  });
  for (const run of runs) tr.addMark(run.from, run.to, run.mark);
}
