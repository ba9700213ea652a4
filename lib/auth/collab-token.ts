import { errors, jwtVerify, SignJWT } from "jose";
import { hkdfSync } from "node:crypto";
import { z } from "zod";
import { ROLES } from "../policy/can";

/**
 * Short-lived tokens the web app mints from a session so the browser can open a brief on
 * the collab server. The role is informational (for the UI); the collab server re-reads
 * the membership from the database and decides with can(), so a demoted user loses write
 * access on the next connection even with a fresh token. The session version lets the collab
 * server refuse a token minted before the user signed out everywhere.
 */
export const COLLAB_TOKEN_AUDIENCE = "briefroom-collab";
export const COLLAB_TOKEN_ISSUER = "briefroom-web";
const MIN_SECRET_LENGTH = 32;
/**
 * The collab key is derived from AUTH_SECRET under this label, so a token signed with the
 * session secret itself (or anything else signed with it) is not a collab token. Changing the
 * label invalidates every outstanding collab token, which live only 5 minutes anyway.
 */
export const COLLAB_KEY_LABEL = "briefroom collab token v1";

export type CollabTokenClaims = {
  userId: string;
  name: string;
  briefId: string;
  role: (typeof ROLES)[number];
  /** The user's session version when the token was minted (see User.sessionVersion). */
  sessionVersion: number;
};

const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string(),
  briefId: z.string().min(1),
  role: z.enum(ROLES),
  sv: z.number().int().nonnegative(),
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

/**
 * HKDF-SHA256 of AUTH_SECRET with the collab label: the web app (which mints) and the collab
 * server (which verifies) both call this, so they agree as long as they share AUTH_SECRET.
 */
export function collabTokenKey(secret = process.env.AUTH_SECRET): Uint8Array {
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `AUTH_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters to sign collab tokens (e.g. \`openssl rand -base64 48\`).`,
    );
  }
  return new Uint8Array(hkdfSync("sha256", secret, "", COLLAB_KEY_LABEL, 32));
}

/**
 * Mints a token for one brief. Without `sessionVersion` the token carries 0, the version of
 * an account that never signed out everywhere: a caller that forgets it gets a token that is
 * refused once the user bumps their version, never one that outlives a revocation.
 */
export async function mintCollabToken(
  claims: Omit<CollabTokenClaims, "sessionVersion"> & { sessionVersion?: number },
  ttlSeconds = 300,
): Promise<string> {
  return new SignJWT({
    name: claims.name,
    briefId: claims.briefId,
    role: claims.role,
    sv: claims.sessionVersion ?? 0,
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.userId)
    .setAudience(COLLAB_TOKEN_AUDIENCE)
    .setIssuer(COLLAB_TOKEN_ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(collabTokenKey());
}

/** Verifies signature, audience, issuer and expiry; throws CollabTokenError otherwise. */
export async function verifyCollabToken(token: string): Promise<CollabTokenClaims> {
  const key = collabTokenKey();
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      audience: COLLAB_TOKEN_AUDIENCE,
      issuer: COLLAB_TOKEN_ISSUER,
      requiredClaims: ["exp", "sub", "sv"],
    });
    const claims = claimsSchema.parse(payload);
    return {
      userId: claims.sub,
      name: claims.name,
      briefId: claims.briefId,
      role: claims.role,
      sessionVersion: claims.sv,
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new CollabTokenError("expired", "Collab token expired");
    throw new CollabTokenError("invalid", "Invalid collab token");
  }
}
