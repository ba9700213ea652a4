import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { verifyPassword } from "./password";
import { clearLoginFailures, isLoginBlocked, recordLoginFailure } from "./rate-limit";
import { oidcProvider, userIdForOidcEmail } from "./oidc";
import { clientIp } from "./client-ip";

/** Error codes the sign-in page translates; next-auth passes them through as `error`. */
export const SIGN_IN_ERRORS = { rateLimited: "RateLimited", invalid: "CredentialsSignin" } as const;

const SESSION_MAX_AGE_S = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "")
          .trim()
          .toLowerCase();
        const password = String(credentials?.password ?? "");
        if (!email || !password || email.length > 320 || password.length > 1024) return null;
        const ip = clientIp(req.headers ?? {});
        if (await isLoginBlocked(email, ip)) throw new Error(SIGN_IN_ERRORS.rateLimited);

        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true },
        });
        const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : false;
        if (!user || !ok) {
          await recordLoginFailure(email, ip);
          return null;
        }
        await clearLoginFailures(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      // Organisations sign in through their identity provider, but only people who were
      // invited (and so have an account here) get in.
      return (await userIdForOidcEmail(user.email)) !== null;
    },
    async jwt({ token, user, account }) {
      if (account?.provider === "oidc") {
        token.uid = (await userIdForOidcEmail(token.email)) ?? undefined;
      } else if (user) {
        token.uid = user.id;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
};
