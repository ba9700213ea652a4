import { randomUUID } from "node:crypto";
import type { Account, Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { DEVICE_COOKIE, mintDeviceCookie } from "./device-cookie";
import { authCallbacks, authorizeCredentials, SIGN_IN_ERRORS } from "./options";
import { hashPassword } from "./password";
import { LOGIN_MAX_FAILURES } from "./rate-limit";
import { revokeSessions } from "./revoke-sessions";
import { userForSession } from "./session-user";

withTestDatabase("sign-in");

const PASSWORD = "correct horse battery";
let previousTrustProxy: string | undefined;

beforeAll(() => {
  process.env.AUTH_SECRET = "sign-in-test-secret-0123456789abcdef0123456789";
  previousTrustProxy = process.env.TRUST_PROXY;
});
afterEach(() => {
  if (previousTrustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = previousTrustProxy;
});

async function analyst(): Promise<{ id: string; email: string }> {
  const email = `analyst-${randomUUID().slice(0, 8)}@example.test`;
  const user = await db.user.create({
    data: { email, name: "Analyst", passwordHash: await hashPassword(PASSWORD) },
    select: { id: true, email: true },
  });
  return user;
}

/** What the sign-in form posts, from a browser with these headers. */
function attempt(email: string, password: string, headers: Record<string, string> = {}) {
  return authorizeCredentials({ email, password }, { headers });
}

async function outcome(promise: Promise<User | null>): Promise<"ok" | "wrong" | string> {
  return promise.then(
    (user) => (user ? "ok" : "wrong"),
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

/** The session next-auth would issue for this sign-in, as the app reads it back. */
async function sessionFor(user: User): Promise<Session> {
  const account: Account = {
    provider: "credentials",
    type: "credentials",
    providerAccountId: user.id,
  };
  const token = (await authCallbacks.jwt({ token: { sub: user.id }, user, account })) as JWT;
  return authCallbacks.session({
    session: { expires: new Date(Date.now() + 3_600_000).toISOString(), user: {} },
    token,
    user: user as never, // only used by database sessions, which Briefroom does not use
    newSession: undefined,
    trigger: "update",
  }) as Promise<Session>;
}

describe("sign-in throttling", () => {
  it("a stranger's failures from one address do not lock the owner out at another (proxy trusted)", async () => {
    process.env.TRUST_PROXY = "1";
    const { email } = await analyst();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      expect(await outcome(attempt(email, "guess", { "x-forwarded-for": "203.0.113.5" }))).toBe(
        "wrong",
      );
    expect(await outcome(attempt(email, PASSWORD, { "x-forwarded-for": "203.0.113.5" }))).toBe(
      SIGN_IN_ERRORS.rateLimited,
    );
    expect(await outcome(attempt(email, PASSWORD, { "x-forwarded-for": "192.0.2.20" }))).toBe("ok");
  });

  it("with no proxy configured, a forged X-Forwarded-For does not buy fresh attempts", async () => {
    delete process.env.TRUST_PROXY;
    const { email } = await analyst();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      await attempt(email, "guess", { "x-forwarded-for": `198.51.100.${i}` });
    expect(await outcome(attempt(email, PASSWORD, { "x-forwarded-for": "198.51.100.200" }))).toBe(
      SIGN_IN_ERRORS.rateLimited,
    );
  });

  it("with no proxy configured, the owner's browser still signs in while strangers are blocked", async () => {
    delete process.env.TRUST_PROXY;
    const owner = await analyst();
    const other = await analyst();
    const ownCookie = `${DEVICE_COOKIE}=${mintDeviceCookie(owner.email)}`;
    const otherAccountsCookie = `${DEVICE_COOKIE}=${mintDeviceCookie(other.email)}`;
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await attempt(owner.email, "guess");
    expect(await outcome(attempt(owner.email, PASSWORD))).toBe(SIGN_IN_ERRORS.rateLimited);
    // A device cookie counts only for the account it was issued to.
    expect(await outcome(attempt(owner.email, PASSWORD, { cookie: otherAccountsCookie }))).toBe(
      SIGN_IN_ERRORS.rateLimited,
    );
    expect(
      await outcome(attempt(owner.email, PASSWORD, { cookie: `theme=dark; ${ownCookie}` })),
    ).toBe("ok");
  });
});

describe("session version", () => {
  it("a session is the user's until they sign out everywhere", async () => {
    const { id, email } = await analyst();
    const user = await attempt(email, PASSWORD);
    if (!user) throw new Error("sign-in failed");
    const session = await sessionFor(user);
    const claims = { uid: session.user?.id, sv: session.user?.sessionVersion };
    expect(await userForSession(claims)).toMatchObject({ id, email, sessionVersion: 0 });

    await revokeSessions(id);
    expect(await userForSession(claims)).toBeNull();
    // Signing in again starts a session at the new version.
    const again = await sessionFor((await attempt(email, PASSWORD))!);
    expect(
      await userForSession({ uid: again.user?.id, sv: again.user?.sessionVersion }),
    ).toMatchObject({ id, sessionVersion: 1 });
  });

  it("a new password ends the sessions opened before it, whatever code sets it", async () => {
    const { id, email } = await analyst();
    const session = await sessionFor((await attempt(email, PASSWORD))!);
    const claims = { uid: session.user?.id, sv: session.user?.sessionVersion };
    await db.user.update({ where: { id }, data: { locale: "fr" } });
    expect(await userForSession(claims)).not.toBeNull();
    await db.user.update({
      where: { id },
      data: { passwordHash: await hashPassword("a brand new passphrase") },
    });
    expect(await userForSession(claims)).toBeNull();
  });

  it("a session without a version (issued before versions existed) reads as signed out", async () => {
    const { id } = await analyst();
    expect(await userForSession({ uid: id })).toBeNull();
    expect(await userForSession({ uid: id, sv: "0" })).toBeNull();
  });
});
