import { db, type Tx } from "@/lib/db";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: "en" | "fr" | "ar";
  /** The version the session was issued under; collab tokens minted from it carry it too. */
  sessionVersion: number;
};

/** What a decoded session names: the user id and the session version it was issued under. */
export type SessionClaims = { uid?: unknown; sv?: unknown } | null | undefined;

/**
 * The one place a session becomes a user, for pages, server actions and route handlers
 * alike. The user is re-read from the database on every request, so a removed account or a
 * changed name takes effect at once; and a session issued under an older session version
 * (the user signed out everywhere, or changed their password since) reads as signed out.
 */
export async function userForSession(
  claims: SessionClaims,
  tx: Tx = db,
): Promise<SessionUser | null> {
  const id = claims?.uid;
  const version = claims?.sv;
  if (typeof id !== "string" || !id || typeof version !== "number") return null;
  const user = await tx.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, locale: true, sessionVersion: true },
  });
  return user && user.sessionVersion === version ? user : null;
}
