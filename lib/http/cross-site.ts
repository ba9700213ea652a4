import { appOrigin } from "./app-origin";

/** Methods that never change anything here, so other sites may send them (links, embeds). */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Sec-Fetch-Site values of requests the user made on our own pages or typed themselves. */
const OWN_FETCH_SITES = new Set(["same-origin", "none"]);

/**
 * Why a state-changing request must be refused as coming from another site, or null when it
 * may go on. Browsers send `Origin` on every cross-origin POST/PUT/PATCH/DELETE (forms and
 * fetch alike) and scripts cannot forge it; it must be the app's own origin, or have the
 * host the request was sent to (what Next.js accepts for server actions). Without `Origin`,
 * `Sec-Fetch-Site` decides; without either the sender is not a browser, which carries no
 * user's cookies, so there is nothing to forge.
 */
export function crossSiteReason(request: Request, ownOrigin: string = appOrigin()): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (origin === ownOrigin) return null;
    let host: string;
    try {
      const parsed = new URL(origin);
      if (parsed.origin === ownOrigin) return null;
      host = parsed.host;
    } catch {
      return `Origin "${origin}" is not a URL`;
    }
    if (host !== "" && host === request.headers.get("host")) return null;
    return `Origin ${origin} is not ${ownOrigin}`;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && !OWN_FETCH_SITES.has(site)) return `Sec-Fetch-Site is ${site}`;
  return null;
}
