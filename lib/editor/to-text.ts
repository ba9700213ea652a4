import type { Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import { editorSchema } from "./schema";
import { proseMirrorNodeFromUpdate } from "./to-json";

/**
 * Plain text of a document for search: one line per block (paragraph, heading, list
 * item's paragraph, table cell's paragraph), hard breaks as newlines, atoms dropped.
 */
export function proseMirrorNodeToText(node: ProseMirrorNode): string {
  return node.textBetween(0, node.content.size, "\n", (leaf) =>
    leaf.type.name === "hardBreak" ? "\n" : "",
  );
}

export function updateToText(update: Uint8Array, schema: Schema = editorSchema()): string {
  return proseMirrorNodeToText(proseMirrorNodeFromUpdate(update, schema));
}
