import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { extensions } from "./extensions";

let cached: Schema | undefined;

/** The ProseMirror schema of `extensions()`, built once per process (it is immutable). */
export function editorSchema(): Schema {
  cached ??= getSchema(extensions());
  return cached;
}

/** Name of the Y.XmlFragment that holds the document; Tiptap's Collaboration default. */
export const YDOC_FRAGMENT = "default";
