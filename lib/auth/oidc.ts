import type { Provider } from "next-auth/providers/index";
import { db, type Tx } from "@/lib/db";

/**
 * Optional single sign-on for organisations (Keycloak, Entra ID, any OIDC issuer), enabled
 * when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
 */
export function oidcProvider(env: NodeJS.ProcessEnv = process.env): Provider[] {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${normalizeIssuer(OIDC_ISSUER)}/.well-known/openid-configuration`,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
      },
    },
  ];
}

export function isOidcEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return oidcProvider(env).length > 0;
}

function normalizeIssuer(issuer: string): string {
  return issuer.trim().replace(/\/+$/, "");
}

/** Sign-in error codes; the sign-in page translates them (next-auth passes them as `error`). */
export const OIDC_SIGN_IN_ERRORS = {
  emailUnverified: "OidcEmailUnverified",
  notInvited: "OidcNotInvited",
  accountMismatch: "OidcAccountMismatch",
} as const;

type OidcSignInErrorCode = (typeof OIDC_SIGN_IN_ERRORS)[keyof typeof OIDC_SIGN_IN_ERRORS];

/** Thrown from the signIn callback: next-auth sends the browser to /signin?error=<code>. */
export class OidcSignInError extends Error {
  constructor(readonly code: OidcSignInErrorCode) {
    super(code);
    this.name = "OidcSignInError";
  }
}

/** Who the identity provider says signed in, read from the verified ID token's claims. */
export type OidcIdentity = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
};

/**
 * Reads the identity from the ID token claims next-auth hands to the callbacks. The issuer
 * is the token's `iss` (checked by the OIDC client against the discovered issuer), else the
 * configured OIDC_ISSUER.
 */
export function oidcIdentity(
  claims: unknown,
  env: NodeJS.ProcessEnv = process.env,
): OidcIdentity | null {
  if (!claims || typeof claims !== "object") return null;
  const c = claims as Record<string, unknown>;
  const issuer =
    typeof c.iss === "string" && c.iss ? c.iss : env.OIDC_ISSUER ? env.OIDC_ISSUER : null;
  if (!issuer || typeof c.sub !== "string" || !c.sub) return null;
  return {
    issuer: normalizeIssuer(issuer),
    subject: c.sub,
    email: typeof c.email === "string" ? c.email.trim().toLowerCase() : null,
    // Some issuers send the claim as a string.
    emailVerified: c.email_verified === true || c.email_verified === "true",
  };
}

export type OidcAccount = { userId: string; sessionVersion: number };

/**
 * Decides whether an OIDC sign-in may enter, and as whom. Only people who were invited (and
 * so have an account here) get in, and only with an email their provider verified. The
 * first sign-in binds the account to the provider's (issuer, subject); afterwards that
 * binding, not the email, says who it is, and a different subject arriving with the same
 * email (a look-alike account at the provider, a reassigned address) is refused.
 */
export async function resolveOidcSignIn(
  identity: OidcIdentity | null,
  tx: Tx = db,
): Promise<OidcAccount> {
  if (!identity) throw new OidcSignInError(OIDC_SIGN_IN_ERRORS.notInvited);
  if (!identity.emailVerified) throw new OidcSignInError(OIDC_SIGN_IN_ERRORS.emailUnverified);

  const bound = await oidcAccount(identity.issuer, identity.subject, tx);
  if (bound) return bound;

  if (!identity.email) throw new OidcSignInError(OIDC_SIGN_IN_ERRORS.notInvited);
  const user = await tx.user.findUnique({
    where: { email: identity.email },
    select: { id: true, sessionVersion: true, oidcIssuer: true, oidcSubject: true },
  });
  if (!user) throw new OidcSignInError(OIDC_SIGN_IN_ERRORS.notInvited);
  if (user.oidcSubject !== null || user.oidcIssuer !== null) {
    throw new OidcSignInError(OIDC_SIGN_IN_ERRORS.accountMismatch);
  }

  // Bind only if still unbound, so two first sign-ins racing with different subjects cannot
  // both win; the loser finds the other's binding and is refused.
  let claimed = 0;
  try {
    ({ count: claimed } = await tx.user.updateMany({
      where: { id: user.id, oidcIssuer: null, oidcSubject: null },
      data: { oidcIssuer: identity.issuer, oidcSubject: identity.subject },
    }));
  } catch (error) {
    // The (issuer, subject) pair is unique: another account took it in the meantime.
    if (!isUniqueViolation(error)) throw error;
  }
  if (claimed === 1) return { userId: user.id, sessionVersion: user.sessionVersion };
  const now = await oidcAccount(identity.issuer, identity.subject, tx);
  if (now?.userId === user.id) return now;
  throw new OidcSignInError(OIDC_SIGN_IN_ERRORS.accountMismatch);
}

/** The account bound to this provider identity, if any (what the session is issued for). */
export async function oidcAccount(
  issuer: string,
  subject: string,
  tx: Tx = db,
): Promise<OidcAccount | null> {
  const user = await tx.user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: subject } },
    select: { id: true, sessionVersion: true },
  });
  return user ? { userId: user.id, sessionVersion: user.sessionVersion } : null;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002"
  );
}
