import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageSecurityHeaders } from "@/lib/http/content-security-policy";

/**
 * Runs before every page (not the /api route handlers, whose uploads it would otherwise
 * read to the end before their permission check, see `config`): a fresh CSP nonce per
 * request, handed to Next.js through the request's own Content-Security-Policy header
 * (Next puts it on its scripts) and to the app as `x-nonce`, and the page's security headers.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = pageSecurityHeaders(request, nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the route handlers under /api: Next.js buffers the body of any request the proxy
      // sees before the handler runs. Not static files (no HTML), nor prefetches.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
