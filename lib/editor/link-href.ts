/**
 * Which link targets a brief may contain. Only http, https and mailto URLs and relative
 * references are allowed; everything else (javascript:, data:, vbscript:, file:, …) is
 * refused, because a published brief renders these hrefs to readers.
 */
const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

/**
 * Browsers drop tabs and newlines anywhere in a URL and trim C0 controls and spaces at the
 * ends before they look at the scheme, so "java\tscript:" and " javascript:" are still
 * javascript: URLs. Normalise the same way before checking.
 */
function normaliseLikeBrowser(href: string): string {
  return href.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
}

export function isSafeLinkHref(href: unknown): href is string {
  if (typeof href !== "string") return false;
  const url = normaliseLikeBrowser(href);
  if (url === "") return false;
  // A scheme is whatever precedes the first ":" that comes before any "/", "?" or "#".
  // Without one the href is a relative reference, which cannot change the protocol.
  const scheme = /^([^/?#]*):/.exec(url)?.[1];
  if (scheme === undefined) return true;
  return ALLOWED_SCHEMES.has(scheme.toLowerCase());
}
