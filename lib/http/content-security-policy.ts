import { servedOverHttps } from "./app-origin";

/** The published reader (`/p/<slug>…`): the only pages another site may ever frame. */
export function isReaderPath(pathname: string): boolean {
  return pathname === "/p" || pathname.startsWith("/p/");
}

/**
 * The origins READER_FRAME_ANCESTORS lets frame the published reader (space- or
 * comma-separated, e.g. "https://intranet.example.org 'self'"); anything that is not
 * `'self'` or an http(s) origin (a wildcard subdomain allowed) is ignored, so the variable
 * cannot smuggle other directives into the policy.
 */
export function readerFrameAncestors(value: string | undefined): string[] {
  const allowed: string[] = [];
  for (const entry of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    if (entry === "'self'") allowed.push(entry);
    else if (/^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(entry))
      allowed.push(entry.toLowerCase());
    else console.warn(`[csp] READER_FRAME_ANCESTORS: ignoring "${entry}" (not an origin)`);
  }
  return allowed;
}

/** The origin of a URL, or null when it is not one (a missing or broken setting). */
function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

export type PolicyOptions = {
  nonce: string;
  pathname: string;
  https: boolean;
  env?: NodeJS.ProcessEnv;
};

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce (Next.js
 * puts it on its own scripts, read from the request's copy of this header) and what they
 * load ('strict-dynamic'); connections go to the app and the collaboration server.
 */
export function contentSecurityPolicy({
  nonce,
  pathname,
  https,
  env = process.env,
}: PolicyOptions): string {
  const dev = env.NODE_ENV === "development";
  const collab = originOf(env.COLLAB_URL ?? `ws://localhost:${env.COLLAB_PORT ?? 1234}`);
  // Signing in with the identity provider ends in a redirect to it after a form post.
  const identityProvider = originOf(env.OIDC_ISSUER);
  const frameAncestors = isReaderPath(pathname)
    ? readerFrameAncestors(env.READER_FRAME_ANCESTORS)
    : [];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // React needs eval only in development, for its error overlays.
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    // 'unsafe-inline' for styles only, and on purpose: ProseMirror, Tiptap and the collab
    // carets set style attributes from script (carets' colours, table column widths, the
    // editor's white-space), citeproc's bibliography and the sanitized published HTML carry
    // style="font-variant:…" spans, and Next.js injects style tags. A nonce would not help
    // with attributes, and CSS cannot run script.
    ["style-src", "'self'", "'unsafe-inline'"],
    // data: and blob: for chart and figure exports, and for pasted or generated images.
    ["img-src", "'self'", "data:", "blob:"],
    // Noto fonts are bundled from @fontsource and served by the app itself.
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(collab ? [collab] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...(identityProvider ? [identityProvider] : [])],
    ["frame-ancestors", ...(frameAncestors.length > 0 ? frameAncestors : ["'none'"])] as [
      string,
      ...string[],
    ],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The security headers of a page response: its CSP; on the reader, X-Frame-Options DENY for
 * browsers without frame-ancestors unless it may be framed (next.config.js sends DENY on
 * every other path); HSTS only when the app is served over https (a browser ignores it on
 * http anyway, and it must never pin a plain-http deployment). No includeSubDomains: other
 * services may share the parent domain.
 */
export function pageSecurityHeaders(
  request: Request,
  nonce: string,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const { pathname } = new URL(request.url);
  const https = servedOverHttps(request, env);
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy({ nonce, pathname, https, env }),
  };
  if (isReaderPath(pathname) && readerFrameAncestors(env.READER_FRAME_ANCESTORS).length === 0) {
    headers["X-Frame-Options"] = "DENY";
  }
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}
