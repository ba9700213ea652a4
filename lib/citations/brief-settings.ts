/**
 * Per-brief settings that live in the brief's Yjs document, beside the "default" fragment,
 * so they sync to every co-editor like content (and work offline, and merge).
 *
 * The Yjs map is the one source of truth for the citation style. `Brief.citationStyle` in
 * the database is a copy the collab server's compaction derives from it (like contentText),
 * kept only for readers without the document; a brief whose document has never set a style
 * keeps the database value (briefs from before the setting moved here).
 */
import * as Y from "yjs";
import { isCitationStyle, type CitationStyleId } from "./style-ids";

/** Name of the Y.Map holding brief settings. */
export const YDOC_SETTINGS = "settings";
export const CITATION_STYLE_KEY = "citationStyle";

/** The style set in the document, or null when none (or an unknown value) is set. */
export function citationStyleOfDoc(doc: Y.Doc): CitationStyleId | null {
  const value = doc.getMap(YDOC_SETTINGS).get(CITATION_STYLE_KEY);
  return isCitationStyle(value) ? value : null;
}

/** Sets the style in the document (one Yjs transaction); unknown styles are refused. */
export function setCitationStyleInDoc(doc: Y.Doc, style: unknown): boolean {
  if (!isCitationStyle(style)) return false;
  const map = doc.getMap(YDOC_SETTINGS);
  if (map.get(CITATION_STYLE_KEY) === style) return true;
  doc.transact(() => map.set(CITATION_STYLE_KEY, style));
  return true;
}

/** Calls `listener` with the document's style whenever it changes; returns the unsubscribe. */
export function observeCitationStyle(
  doc: Y.Doc,
  listener: (style: CitationStyleId | null) => void,
): () => void {
  const map = doc.getMap(YDOC_SETTINGS);
  const handler = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(CITATION_STYLE_KEY)) listener(citationStyleOfDoc(doc));
  };
  map.observe(handler);
  return () => map.unobserve(handler);
}

/**
 * The style to format with: the document's (live, what co-editors see), else the stored
 * one, else the default.
 */
export function effectiveCitationStyle(
  fromDoc: unknown,
  stored: unknown,
  fallback: CitationStyleId,
): CitationStyleId {
  if (isCitationStyle(fromDoc)) return fromDoc;
  if (isCitationStyle(stored)) return stored;
  return fallback;
}
