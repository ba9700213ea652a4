import { sanitizePublishedHtml } from "./sanitize-html";

const MAX_ENTRIES = 64;
const cache = new Map<string, string>();

/**
 * A version's stored HTML sanitized once more before it is served (defence in depth: it was
 * sanitized at publication). Versions never change, so the result is kept per version id;
 * the few most recently read stay in memory (a long brief takes tens of milliseconds).
 */
export function safeVersionHtml(version: { id: string; html: string }): string {
  const hit = cache.get(version.id);
  if (hit !== undefined) {
    // Re-insert: Map keeps insertion order, so the oldest entry is the least recently read.
    cache.delete(version.id);
    cache.set(version.id, hit);
    return hit;
  }
  const safe = sanitizePublishedHtml(version.html);
  cache.set(version.id, safe);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return safe;
}
