import { encode } from "next-auth/jwt";
import { appOrigin } from "@/lib/http/app-origin";

/** The secret route-handler tests sign sessions with (set before the handlers run). */
export const TEST_SESSION_SECRET = "route-test-secret-0123456789abcdef0123456789";

/**
 * A session cookie for `user`, signed the way next-auth signs ours (lib/auth/options.ts puts
 * the user id in `uid`), so a route handler called with it sees a real signed-in user.
 */
export async function sessionCookie(user: {
  id: string;
  email?: string;
  name?: string;
  /** User.sessionVersion the session was issued under; a new account's is 0. */
  sessionVersion?: number;
}) {
  process.env.AUTH_SECRET ??= TEST_SESSION_SECRET;
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  const token = await encode({
    token: {
      uid: user.id,
      sv: user.sessionVersion ?? 0,
      sub: user.id,
      email: user.email,
      name: user.name,
    },
    secret,
  });
  return `next-auth.session-token=${token}`;
}

/** What a browser on the app's own pages sends with a state-changing request. */
export function sameOrigin(): Record<string, string> {
  return { origin: appOrigin(), "sec-fetch-site": "same-origin" };
}

/** A request to a route handler, signed in as `user` when given. */
export async function routeRequest(
  path: string,
  init: RequestInit & { user?: { id: string } } = {},
): Promise<Request> {
  const { user, headers, ...rest } = init;
  const all = new Headers(headers);
  if (user) all.set("cookie", await sessionCookie(user));
  return new Request(new URL(path, appOrigin()), {
    ...rest,
    headers: all,
    ...(rest.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** Next's second argument to a route handler. */
export function routeParams<P>(params: P): { params: Promise<P> } {
  return { params: Promise.resolve(params) };
}

/**
 * A body of `total` bytes produced only as the reader pulls (no Content-Length, like a
 * chunked upload); `sent()` says how many bytes the handler actually read.
 */
export function meteredBody(total: number, chunk = 64 * 1024, fill = 0x61) {
  let produced = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (produced >= total) return controller.close();
        const size = Math.min(chunk, total - produced);
        produced += size;
        controller.enqueue(new Uint8Array(size).fill(fill));
      },
    },
    // Nothing is produced before the first read.
    { highWaterMark: 0 },
  );
  return { stream, sent: () => produced };
}
