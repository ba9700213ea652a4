/**
 * Collab documents are named `brief.<uuid>`: the one place that formats and parses them, so
 * the browser, the server and the tests cannot disagree.
 */
import { isUuid } from "../validation/uuid";

const PREFIX = "brief.";

export function briefDocumentName(briefId: string): string {
  if (!isUuid(briefId)) throw new Error(`Not a brief id: ${briefId}`);
  return `${PREFIX}${briefId.toLowerCase()}`;
}

/** The brief id in a document name, or null when the name is not `brief.<uuid>`. */
export function parseBriefDocumentName(documentName: string): string | null {
  if (!documentName.startsWith(PREFIX)) return null;
  const id = documentName.slice(PREFIX.length);
  return isUuid(id) ? id.toLowerCase() : null;
}
