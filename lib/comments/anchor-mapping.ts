import { absolutePositionToRelativePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import type { Node } from "@tiptap/pm/model";
import { TextSelection, type EditorState } from "@tiptap/pm/state";
import * as Y from "yjs";
import type { CommentAnchor } from "./schema";

/** Y type → ProseMirror node(s); the package declares this type but does not export it. */
type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/**
 * Text ranges as Yjs relative positions. A relative position names the character it sits
 * before (by Yjs item id), so it keeps pointing at the same words while others type before
 * it, on any replica. Tiptap's Collaboration uses @tiptap/y-tiptap (a y-prosemirror fork);
 * its binding's `mapping` (Y type → ProseMirror node) translates ProseMirror positions.
 */
export type YBinding = { doc: Y.Doc; fragment: Y.XmlFragment; mapping: ProsemirrorMapping };

/**
 * A relative position that sticks to the range's own characters: the start to its first
 * character (assoc 0), the end to its last (assoc -1). y-tiptap's conversion attaches to the
 * character before a position, so text typed right before the range would join it; we only
 * use it to find the (type, index) and re-anchor from there. The result is plain JSON
 * (Yjs IDs are class instances, which a server action would not pass as data).
 */
function stickyPosition(pos: number, binding: YBinding, assoc: 0 | -1): CommentAnchor["start"] {
  const rough = absolutePositionToRelativePosition(pos, binding.fragment, binding.mapping);
  const absolute = Y.createAbsolutePositionFromRelativePosition(rough, binding.doc);
  const precise = absolute
    ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc)
    : rough;
  return JSON.parse(JSON.stringify(Y.relativePositionToJSON(precise))) as CommentAnchor["start"];
}

/**
 * Narrows a selection to positions inside text. Block-level ends (a triple click, a DOM
 * range over a whole paragraph, a read-only view's selection) would otherwise become
 * positions between Yjs elements, which y-tiptap maps back one position off.
 */
export function textRange(doc: Node, from: number, to: number): { from: number; to: number } {
  const selection = TextSelection.between(doc.resolve(from), doc.resolve(to));
  return { from: selection.from, to: selection.to };
}

export function rangeToAnchor(from: number, to: number, binding: YBinding): CommentAnchor {
  return { start: stickyPosition(from, binding, 0), end: stickyPosition(to, binding, -1) };
}

/** ProseMirror size of a child type: text counts its characters, elements their node size. */
function sizeOf(type: Y.AbstractType<unknown>, mapping: ProsemirrorMapping): number | null {
  if (type instanceof Y.XmlText) return type.length;
  const node = mapping.get(type);
  return node && !Array.isArray(node) ? node.nodeSize : null;
}

/**
 * A relative position back to a ProseMirror position. This follows y-tiptap's
 * relativePositionToAbsolutePosition, minus its "misresolved" heuristic, which rejects every
 * text position at ProseMirror position 1 — the start of the first paragraph, a perfectly
 * good place for a comment to begin.
 */
function toPosition(json: CommentAnchor["start"], binding: YBinding): number | null {
  const rel = Y.createRelativePositionFromJSON(json);
  const decoded = Y.createAbsolutePositionFromRelativePosition(rel, binding.doc);
  if (!decoded) return null;
  let type: Y.AbstractType<unknown> = decoded.type;
  if (type !== binding.fragment && !(type._item && Y.isParentOf(binding.fragment, type._item))) {
    return null;
  }
  let pos = 0;
  if (type instanceof Y.XmlText) {
    pos = decoded.index;
  } else if (type._item === null || !type._item.deleted) {
    let index = 0;
    for (let n = type._start; n !== null && index < decoded.index; n = n.right) {
      if (n.deleted || !(n.content instanceof Y.ContentType)) continue;
      const size = sizeOf(n.content.type, binding.mapping);
      if (size === null) return null;
      pos += size;
      index++;
    }
    pos += 1; // into the element
  }
  while (type !== binding.fragment && type._item !== null) {
    const parent = type._item.parent as Y.AbstractType<unknown>;
    if (parent._item === null || !parent._item.deleted) {
      pos += 1; // the parent's opening
      for (let n = parent._start; n !== null; n = n.right) {
        if (!(n.content instanceof Y.ContentType)) continue;
        if (n.content.type === type) break;
        if (n.deleted) continue;
        const size = sizeOf(n.content.type, binding.mapping);
        if (size === null) return null;
        pos += size;
      }
    }
    type = parent;
  }
  return pos - 1; // the fragment itself has no opening in ProseMirror
}

/**
 * Where an anchor is now, or null when its text is gone (deleted, so the range collapsed) or
 * its positions do not resolve in this document.
 */
export function anchorToRange(
  anchor: CommentAnchor,
  binding: YBinding,
): { from: number; to: number } | null {
  try {
    const from = toPosition(anchor.start, binding);
    const to = toPosition(anchor.end, binding);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    // A position from another document (or a corrupt one) names items this doc lacks.
    return null;
  }
}

/** The live binding of an editor with Tiptap's Collaboration extension, once its view exists. */
export function bindingOf(state: EditorState): YBinding | null {
  const sync = ySyncPluginKey.getState(state) as
    | { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping?: ProsemirrorMapping } | null }
    | undefined;
  if (!sync?.doc || !sync.type || !sync.binding?.mapping) return null;
  return { doc: sync.doc, fragment: sync.type, mapping: sync.binding.mapping };
}
