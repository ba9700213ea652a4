import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { ROLES } from "../policy/can";

/**
 * Short-lived tokens the web app mints from a session so the browser can open a brief on
 * the collab server. The role is informational (for the UI); the collab server re-reads
 * the membership from the database and decides with can(), so a demoted user loses write
 * access on the next connection even with a fresh token.
 */
export const COLLAB_TOKEN_AUDIENCE = "briefroom-collab";
export const COLLAB_TOKEN_ISSUER = "briefroom-web";
const MIN_SECRET_LENGTH = 32;

export type CollabTokenClaims = {
  userId: string;
  name: string;
  briefId: string;
  role: (typeof ROLES)[number];
};

const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string(),
  briefId: z.string().min(1),
  role: z.enum(ROLES),
});

export class CollabTokenError extends Error {
  constructor(
    readonly reason: "expired" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "CollabTokenError";
  }
}

function secretKey(): Uint8Array {
  const secret = process.env.AUTH_SECRET;
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `AUTH_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters to sign collab tokens (e.g. \`openssl rand -base64 48\`).`,
    );
  }
  return new TextEncoder().encode(secret);
}

export async function mintCollabToken(
  claims: CollabTokenClaims,
  ttlSeconds = 300,
): Promise<string> {
  return new SignJWT({ name: claims.name, briefId: claims.briefId, role: claims.role })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.userId)
    .setAudience(COLLAB_TOKEN_AUDIENCE)
    .setIssuer(COLLAB_TOKEN_ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(secretKey());
}

/** Verifies signature, audience, issuer and expiry; throws CollabTokenError otherwise. */
export async function verifyCollabToken(token: string): Promise<CollabTokenClaims> {
  const key = secretKey();
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      audience: COLLAB_TOKEN_AUDIENCE,
      issuer: COLLAB_TOKEN_ISSUER,
      requiredClaims: ["exp", "sub"],
    });
    const claims = claimsSchema.parse(payload);
    return { userId: claims.sub, name: claims.name, briefId: claims.briefId, role: claims.role };
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new CollabTokenError("expired", "Collab token expired");
    throw new CollabTokenError("invalid", "Invalid collab token");
  }
}
