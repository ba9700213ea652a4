import type { CallbacksOptions, NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { clientIp } from "./client-ip";
import { deviceCookieFromHeader } from "./device-cookie";
import { oidcAccount, oidcIdentity, oidcProvider, resolveOidcSignIn } from "./oidc";
import { verifyPassword } from "./password";
import { clearLoginFailures, isLoginBlocked, recordLoginFailure, signInSource } from "./rate-limit";

/** Error codes the sign-in page translates; next-auth passes them through as `error`. */
export const SIGN_IN_ERRORS = { rateLimited: "RateLimited", invalid: "CredentialsSignin" } as const;

const SESSION_MAX_AGE_S = 8 * 60 * 60;

/**
 * The callbacks, exported so tests drive the very functions next-auth calls. Every session
 * starts carrying the account's session version (`sv`), which lib/auth/session-user.ts
 * checks on each request.
 */
export const authCallbacks: Pick<CallbacksOptions, "signIn" | "jwt" | "session"> = {
  async signIn({ account, profile }) {
    if (account?.provider !== "oidc") return true;
    // Throws an OidcSignInError, whose code next-auth hands to /signin as `error`.
    await resolveOidcSignIn(oidcIdentity(profile));
    return true;
  },
  async jwt({ token, user, account, profile }) {
    if (account?.provider === "oidc") {
      // The signIn callback bound (or found) the account for this (issuer, subject): the
      // session is for that account, never for whoever the email claim names.
      const identity = oidcIdentity(profile);
      const bound = identity ? await oidcAccount(identity.issuer, identity.subject) : null;
      token.uid = bound?.userId;
      token.sv = bound?.sessionVersion;
    } else if (account && user) {
      token.uid = user.id;
      token.sv = user.sessionVersion;
    }
    return token;
  },
  async session({ session, token }) {
    if (session.user && typeof token.uid === "string") {
      session.user.id = token.uid;
      session.user.sessionVersion = token.sv;
    }
    return session;
  },
};

/**
 * Email + password sign-in, throttled per (account, source) as lib/auth/rate-limit.ts says.
 * Exported for tests, which drive it with the headers a browser (or an attacker) sends.
 */
export async function authorizeCredentials(
  credentials: Record<"email" | "password", string> | undefined,
  req: { headers?: Record<string, string | string[] | undefined> },
): Promise<User | null> {
  const email = String(credentials?.email ?? "")
    .trim()
    .toLowerCase();
  const password = String(credentials?.password ?? "");
  if (!email || !password || email.length > 320 || password.length > 1024) return null;
  const headers = req.headers ?? {};
  const source = signInSource(email, {
    ip: clientIp(headers),
    deviceCookie: deviceCookieFromHeader(
      typeof headers.cookie === "string" ? headers.cookie : null,
    ),
  });
  if (await isLoginBlocked(email, source)) throw new Error(SIGN_IN_ERRORS.rateLimited);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : false;
  if (!user || !ok) {
    await recordLoginFailure(email, source);
    return null;
  }
  await clearLoginFailures(email, source);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    sessionVersion: user.sessionVersion,
  };
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: authorizeCredentials,
    }),
    ...oidcProvider(),
  ],
  callbacks: authCallbacks,
};
