import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { citationStyleOfDoc } from "@/lib/citations/brief-settings";
import type { CitationStyleId } from "@/lib/citations/style-ids";
import { applyStoredState, loadBriefState } from "@/lib/documents/stored-state";
import { db, type Tx } from "@/lib/db";
import { acceptedContentJson, countPendingSuggestions } from "@/lib/editor/accepted-content";
import { proseMirrorNodeOfScratchDoc } from "@/lib/editor/to-json";
import { proseMirrorNodeToText } from "@/lib/editor/to-text";
import { contentHash } from "@/lib/documents/content-hash";

export type LiveDocument = {
  /** Y.encodeStateAsUpdate of the merged document (gc'd). */
  state: Uint8Array;
  json: JSONContent;
  text: string;
  /** Style held in the document's settings map, null if never set. */
  citationStyle: CitationStyleId | null;
  hash: string;
  /**
   * The content hash of the accepted content (pending suggestions left out,
   * lib/editor/accepted-content.ts): what an approval is of. Equals `hash` when no
   * suggestion is pending. Optional for documents read elsewhere (a compaction round).
   */
  acceptedHash?: string;
  /** How many suggestions are still pending (neither accepted nor rejected). */
  pendingSuggestions?: number;
};

/**
 * The live document as every acknowledged edit left it: compacted snapshot + logged updates
 * (what the collab server would load), read without touching the collab server. Approval,
 * publication, snapshots and compare all read the draft through this.
 */
export async function loadLiveDocument(briefId: string, client: Tx = db): Promise<LiveDocument> {
  const stored = await loadBriefState(briefId, client);
  return liveDocumentOfUpdates(
    stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates,
  );
}

export function liveDocumentOfUpdates(updates: readonly Uint8Array[]): LiveDocument {
  const scratch = new Y.Doc();
  try {
    applyStoredState(scratch, { snapshot: null, updates: [...updates] });
    // Encode before reading: the reader may drop elements that do not fit the schema.
    const state = Y.encodeStateAsUpdate(scratch);
    const node = proseMirrorNodeOfScratchDoc(scratch);
    const citationStyle = citationStyleOfDoc(scratch);
    const json = node.toJSON() as JSONContent;
    return {
      state,
      json,
      text: proseMirrorNodeToText(node),
      citationStyle,
      hash: contentHash(json, citationStyle),
      acceptedHash: contentHash(acceptedContentJson(json), citationStyle),
      pendingSuggestions: countPendingSuggestions(json),
    };
  } finally {
    scratch.destroy();
  }
}
