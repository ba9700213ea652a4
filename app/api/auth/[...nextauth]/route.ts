import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { route } from "@/lib/http/route";

const nextAuth = NextAuth(authOptions);

/**
 * next-auth answers its own refusals (a redirect to the sign-in page with ?error=), so the
 * wrapper adds only what every route handler has: a sign-in or sign-out posted by another
 * site is refused before next-auth reads it.
 */
const handler = route<{ nextauth: string[] }>((request, params) =>
  // Next hands route handlers a NextRequest (next-auth reads its nextUrl); route() passes the
  // very object on, typed as the Request it also accepts from tests.
  nextAuth(request as NextRequest, { params: Promise.resolve(params) }),
);

export { handler as GET, handler as POST };
