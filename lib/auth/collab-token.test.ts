import { SignJWT } from "jose";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CollabTokenError,
  collabTokenKey,
  mintCollabToken,
  verifyCollabToken,
} from "./collab-token";

const claims = {
  userId: "6a1f5d0e-8a0b-4c47-9a51-2b8f0f8f3f10",
  name: "Amal Haddad",
  briefId: "0f3b7a9c-5a22-4d6e-8d1e-1b0c2f6a7e55",
  role: "EDITOR" as const,
  sessionVersion: 3,
};
const SECRET = "test-secret-that-is-at-least-32-characters-long";

/** A token with every claim right, signed with `key`. */
function signedWith(key: Uint8Array, payload: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({
    name: claims.name,
    briefId: claims.briefId,
    role: "EDITOR",
    sv: 3,
    ...payload,
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.userId)
    .setAudience("briefroom-collab")
    .setIssuer("briefroom-web")
    .setExpirationTime("5m")
    .sign(key);
}

let previousSecret: string | undefined;
beforeAll(() => {
  previousSecret = process.env.AUTH_SECRET;
  process.env.AUTH_SECRET = SECRET;
});
afterAll(() => {
  process.env.AUTH_SECRET = previousSecret;
});

async function rejection(promise: Promise<unknown>): Promise<CollabTokenError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CollabTokenError))
    throw new Error(`expected a CollabTokenError, got ${String(error)}`);
  return error;
}

describe("collab token", () => {
  it("round-trips the claims", async () => {
    const token = await mintCollabToken(claims);
    await expect(verifyCollabToken(token)).resolves.toEqual(claims);
  });

  it("refuses an expired token", async () => {
    const token = await mintCollabToken(claims, -10);
    expect((await rejection(verifyCollabToken(token))).reason).toBe("expired");
  });

  it("refuses a token signed with another secret", async () => {
    const forged = await new SignJWT({ name: claims.name, briefId: claims.briefId, role: "ADMIN" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(claims.userId)
      .setAudience("briefroom-collab")
      .setIssuer("briefroom-web")
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("another-secret-that-is-32-characters-or-more"));
    expect((await rejection(verifyCollabToken(forged))).reason).toBe("invalid");
  });

  it("refuses a token signed with AUTH_SECRET itself: collab tokens use a key derived from it", async () => {
    const raw = new TextEncoder().encode(SECRET);
    expect((await rejection(verifyCollabToken(await signedWith(raw)))).reason).toBe("invalid");
    // The same claims under the derived key are accepted, so the key is the only difference.
    await expect(verifyCollabToken(await signedWith(collabTokenKey()))).resolves.toEqual(claims);
    expect(Buffer.from(collabTokenKey()).equals(Buffer.from(raw))).toBe(false);
  });

  it("refuses a web session token", async () => {
    const session = await encode({
      token: { sub: claims.userId, uid: claims.userId, sv: 3, name: claims.name },
      secret: SECRET,
    });
    expect((await rejection(verifyCollabToken(session))).reason).toBe("invalid");
  });

  it("refuses a token without a session version", async () => {
    const token = await signedWith(collabTokenKey(), { sv: undefined });
    expect((await rejection(verifyCollabToken(token))).reason).toBe("invalid");
  });

  it("refuses a tampered payload", async () => {
    const [header, , signature] = (await mintCollabToken(claims)).split(".");
    const payload = Buffer.from(
      JSON.stringify({
        ...claims,
        sub: claims.userId,
        role: "ADMIN",
        exp: 9999999999,
        aud: "briefroom-collab",
        iss: "briefroom-web",
      }),
    ).toString("base64url");
    expect((await rejection(verifyCollabToken(`${header}.${payload}.${signature}`))).reason).toBe(
      "invalid",
    );
  });

  it("refuses an unsigned (alg none) token and garbage", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ sub: claims.userId, exp: 9999999999 })).toString(
      "base64url",
    );
    expect((await rejection(verifyCollabToken(`${header}.${payload}.`))).reason).toBe("invalid");
    expect((await rejection(verifyCollabToken("not-a-token"))).reason).toBe("invalid");
  });

  it("carries the brief id, so the server can refuse it for another brief", async () => {
    const verified = await verifyCollabToken(await mintCollabToken(claims));
    expect(verified.briefId).toBe(claims.briefId);
    expect(verified.briefId).not.toBe("11111111-1111-4111-8111-111111111111");
  });

  it("explains a missing or short AUTH_SECRET", async () => {
    process.env.AUTH_SECRET = "short";
    await expect(mintCollabToken(claims)).rejects.toThrow(
      /AUTH_SECRET must be set to at least 32 characters/,
    );
    process.env.AUTH_SECRET = SECRET;
  });
});
