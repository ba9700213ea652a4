import { getToken } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/session";
import { userForSession } from "@/lib/auth/session-user";

/** The request's cookies by name (a session token may be split over `name.0`, `name.1`…). */
function cookiesOf(request: Request): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at < 1) continue;
    const raw = part.slice(at + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // Not percent-encoded: next-auth's tokens are base64url, kept as sent.
    }
    cookies.set(part.slice(0, at).trim(), value);
  }
  return cookies;
}

/**
 * The signed-in user of a route handler's request: the next-auth session cookie decoded
 * with the same secret as lib/auth/options.ts, then turned into a user by the same
 * userForSession() as getSessionUser() (removed accounts and revoked sessions read as signed
 * out). Reading the request itself, not next/headers, lets the handlers run outside Next.
 */
export async function requestUser(request: Request): Promise<SessionUser | null> {
  const secret = authOptions.secret ?? process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return null;
  // Only cookies: a bearer token in Authorization is not a way in to the app. getToken is
  // typed for Next's request objects but reads nothing but `cookies` and `headers`.
  const token = await getToken({
    req: { cookies: cookiesOf(request), headers: {} } as unknown as Parameters<
      typeof getToken
    >[0]["req"],
    secret,
  });
  // The same check as getSessionUser(): user re-read, session version compared.
  return userForSession(token);
}
