import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "y-prosemirror";
import * as Y from "yjs";
import { YDOC_SETTINGS } from "@/lib/citations/brief-settings";
import { acceptedContentJson, countPendingSuggestions } from "@/lib/editor/accepted-content";
import { editorSchema, YDOC_FRAGMENT } from "@/lib/editor/schema";
import { proseMirrorNodeToText } from "@/lib/editor/to-text";
import { contentHash } from "@/lib/documents/content-hash";
import type { LiveDocument } from "./live-document";

/**
 * The live document as it reads with every pending suggestion left out: what a version
 * publishes (reader, PDF, HTML, DOCX of the version) and what its hash is. Suggestions stay
 * in the draft for the editors; a version never shows one. The same document when none is
 * pending.
 */
export function acceptedDocument(live: LiveDocument): LiveDocument {
  if (countPendingSuggestions(live.json) === 0) return live;
  const json = acceptedContentJson(live.json) as JSONContent;
  const node = editorSchema().nodeFromJSON(json);
  return {
    state: acceptedState(live.state, json),
    json,
    text: proseMirrorNodeToText(node),
    citationStyle: live.citationStyle,
    hash: contentHash(json, live.citationStyle),
    acceptedHash: contentHash(json, live.citationStyle),
    pendingSuggestions: 0,
  };
}

/** A Yjs state holding the accepted content and the draft's settings (citation style). */
function acceptedState(draft: Uint8Array, json: JSONContent): Uint8Array {
  const source = new Y.Doc();
  const doc = prosemirrorJSONToYDoc(editorSchema(), json, YDOC_FRAGMENT);
  try {
    Y.applyUpdate(source, draft);
    const settings = doc.getMap(YDOC_SETTINGS);
    for (const [key, value] of source.getMap(YDOC_SETTINGS)) {
      // Settings are plain values; a shared type cannot move between documents.
      if (!(value instanceof Y.AbstractType)) settings.set(key, value);
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    source.destroy();
    doc.destroy();
  }
}
