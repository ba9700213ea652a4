import { prosemirrorJSONToYDoc } from "y-prosemirror";
import * as Y from "yjs";
import { editorSchema, YDOC_FRAGMENT } from "@/lib/editor";

/**
 * The Yjs state of a document holding ProseMirror `json` (checked against the editor
 * schema), as the collab server stores a live document: for seeds and tests.
 */
export function yStateOfJson(json: object): Uint8Array<ArrayBuffer> {
  const doc = prosemirrorJSONToYDoc(editorSchema(), json, YDOC_FRAGMENT);
  try {
    return new Uint8Array(Y.encodeStateAsUpdate(doc));
  } finally {
    doc.destroy();
  }
}
