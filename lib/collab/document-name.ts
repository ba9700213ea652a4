/**
 * Collab documents are named `brief.<uuid>`: the one place that formats and parses them, so
 * the browser, the server and the tests cannot disagree.
 */
const PREFIX = "brief.";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function briefDocumentName(briefId: string): string {
  if (!UUID.test(briefId)) throw new Error(`Not a brief id: ${briefId}`);
  return `${PREFIX}${briefId.toLowerCase()}`;
}

/** The brief id in a document name, or null when the name is not `brief.<uuid>`. */
export function parseBriefDocumentName(documentName: string): string | null {
  if (!documentName.startsWith(PREFIX)) return null;
  const id = documentName.slice(PREFIX.length);
  return UUID.test(id) ? id.toLowerCase() : null;
}
