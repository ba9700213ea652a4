import { randomUUID } from "node:crypto";
import type { Account, Profile } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { isOidcEnabled, oidcProvider } from "./oidc";
import { authCallbacks } from "./options";
import { revokeSessions } from "./revoke-sessions";
import { userForSession } from "./session-user";

withTestDatabase("oidc");

describe("optional OIDC sign-in", () => {
  it("is off unless issuer, client id and secret are all set", () => {
    expect(oidcProvider({ NODE_ENV: "test" })).toEqual([]);
    expect(
      isOidcEnabled({ NODE_ENV: "test", OIDC_ISSUER: "https://sso.example.org/realms/desk" }),
    ).toBe(false);
  });

  it("discovers the issuer's endpoints and asks for email and profile", () => {
    const [provider] = oidcProvider({
      NODE_ENV: "test",
      OIDC_ISSUER: "https://sso.example.org/realms/desk/",
      OIDC_CLIENT_ID: "briefroom",
      OIDC_CLIENT_SECRET: "s3cret",
      OIDC_NAME: "Keycloak",
    });
    expect(provider).toMatchObject({
      id: "oidc",
      name: "Keycloak",
      type: "oauth",
      wellKnown: "https://sso.example.org/realms/desk/.well-known/openid-configuration",
      clientId: "briefroom",
      authorization: { params: { scope: "openid email profile" } },
    });
  });
});

describe("OIDC sign-in through the next-auth callbacks", () => {
  const ISSUER = "https://sso.example.org/realms/desk";
  const account = (sub: string): Account => ({
    provider: "oidc",
    type: "oauth",
    providerAccountId: sub,
  });
  /** The ID token claims next-auth hands to the callbacks as `profile`. */
  const claims = (
    sub: string,
    email: string,
    verification: { email_verified?: unknown } = { email_verified: true },
  ) => ({ iss: ISSUER, sub, email, ...verification }) as Profile;

  async function invited(): Promise<{ id: string; email: string }> {
    const email = `sso-${randomUUID().slice(0, 8)}@example.test`;
    return db.user.create({
      data: { email, name: "SSO analyst" },
      select: { id: true, email: true },
    });
  }

  /** What next-auth does on the callback: signIn decides, then jwt builds the session token. */
  async function signInWith(profile: Profile): Promise<string | JWT> {
    const sub = String(profile.sub);
    const user = { id: sub, email: profile.email ?? null, name: "From the IdP" };
    try {
      await authCallbacks.signIn({ user, account: account(sub), profile });
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    return authCallbacks.jwt({
      token: { sub, email: profile.email },
      user,
      account: account(sub),
      profile,
      trigger: "signIn",
    });
  }

  it("refuses an email the identity provider has not verified", async () => {
    const { email } = await invited();
    expect(await signInWith(claims("sub-unverified", email, { email_verified: false }))).toBe(
      "OidcEmailUnverified",
    );
    expect(await signInWith(claims("sub-unverified", email, {}))).toBe("OidcEmailUnverified");
    expect(await signInWith(claims("sub-unverified", email, { email_verified: "false" }))).toBe(
      "OidcEmailUnverified",
    );
  });

  it("binds the account to (issuer, subject) at first sign-in and refuses another subject later", async () => {
    const { id, email } = await invited();
    const first = await signInWith(claims("sub-owner", email, { email_verified: "true" }));
    expect(first).toMatchObject({ uid: id, sv: 0 });
    expect(
      await db.user.findUniqueOrThrow({
        where: { id },
        select: { oidcIssuer: true, oidcSubject: true },
      }),
    ).toEqual({ oidcIssuer: ISSUER, oidcSubject: "sub-owner" });

    // Someone else at the provider who got the same email (a look-alike or reassigned address).
    expect(await signInWith(claims("sub-impostor", email))).toBe("OidcAccountMismatch");
    // The owner keeps signing in, also after the provider changes their email.
    expect(await signInWith(claims("sub-owner", email))).toMatchObject({ uid: id });
    expect(await signInWith(claims("sub-owner", "renamed@example.test"))).toMatchObject({
      uid: id,
    });
  });

  it("two first sign-ins racing with different subjects bind one account once", async () => {
    const { id, email } = await invited();
    const results = await Promise.all([
      signInWith(claims("sub-race-a", email)),
      signInWith(claims("sub-race-b", email)),
    ]);
    expect(results.filter((r) => r === "OidcAccountMismatch")).toHaveLength(1);
    expect(results.filter((r) => typeof r === "object" && r.uid === id)).toHaveLength(1);
  });

  it("lets only invited people in", async () => {
    expect(await signInWith(claims("sub-stranger", "nobody@example.test"))).toBe("OidcNotInvited");
  });

  it("a session issued by single sign-on is revoked like any other", async () => {
    const { id, email } = await invited();
    const token = await signInWith(claims("sub-revoked", email));
    if (typeof token === "string") throw new Error(token);
    expect(await userForSession(token)).toMatchObject({ id });
    await revokeSessions(id);
    expect(await userForSession(token)).toBeNull();
  });
});
