/**
 * Stands in for the app's own origin when the caller does not pass one: only relative paths
 * resolve onto it, so anything that names another host (or scheme) is told apart by origin.
 */
const LOCAL_ORIGIN = "http://briefroom.invalid";

// Percent-encoded control characters or backslashes, which some browsers and proxies decode
// and then read as "//other-site".
const ENCODED_TRICKS = /%(?:[01][0-9a-f]|7f|5c)/i;

/**
 * Only same-site paths: an attacker's link must not send a fresh sign-in to another site. The
 * value is resolved the way a browser would (WHATWG URL, which drops tabs and newlines and reads
 * "\" as "/"), and kept only when it stays on this origin. Returns path, query and fragment.
 */
export function safeCallbackUrl(
  value: string | undefined | null,
  fallback = "/w",
  origin: string = LOCAL_ORIGIN,
): string {
  if (!value || !value.startsWith("/")) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return fallback;
  if (url.origin !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || ENCODED_TRICKS.test(url.pathname)) return fallback;
  return path;
}
