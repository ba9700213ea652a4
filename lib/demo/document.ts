import { prosemirrorJSONToYDoc } from "y-prosemirror";
import * as Y from "yjs";
import { editorSchema, YDOC_FRAGMENT } from "@/lib/editor";

/** The ProseMirror JSON of a brief made of plain paragraphs (direction left to the browser). */
export function paragraphsToJson(paragraphs: string[]) {
  return {
    type: "doc",
    content: paragraphs.map((text) => ({
      type: "paragraph",
      attrs: { dir: "auto" },
      content: [{ type: "text", text }],
    })),
  };
}

/** A Yjs state holding those paragraphs, as the collab server stores a live document. */
export function paragraphsToYState(paragraphs: string[]): Uint8Array<ArrayBuffer> {
  const doc = prosemirrorJSONToYDoc(editorSchema(), paragraphsToJson(paragraphs), YDOC_FRAGMENT);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return new Uint8Array(state);
}
