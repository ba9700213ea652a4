import type { Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import { yXmlFragmentToProseMirrorRootNode } from "y-prosemirror";
import * as Y from "yjs";
import { editorSchema, YDOC_FRAGMENT } from "./schema";

/**
 * Reads the ProseMirror document of a Y.Doc you own. y-prosemirror deletes elements that do
 * not fit the schema from the doc it reads, so never pass a live document: use a scratch
 * doc, or the copying functions below.
 */
export function proseMirrorNodeOfScratchDoc(
  scratch: Y.Doc,
  schema: Schema = editorSchema(),
): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(scratch.getXmlFragment(YDOC_FRAGMENT), schema);
}

/** Builds the ProseMirror document held in a Yjs update (e.g. a stored BriefDocument.state). */
export function proseMirrorNodeFromUpdate(
  update: Uint8Array,
  schema: Schema = editorSchema(),
): ProseMirrorNode {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, update);
    return proseMirrorNodeOfScratchDoc(scratch, schema);
  } finally {
    scratch.destroy();
  }
}

/** ProseMirror document of a Y.Doc, read from a copy so the given doc stays untouched. */
export function proseMirrorNodeFromYDoc(
  ydoc: Y.Doc,
  schema: Schema = editorSchema(),
): ProseMirrorNode {
  return proseMirrorNodeFromUpdate(Y.encodeStateAsUpdate(ydoc), schema);
}
