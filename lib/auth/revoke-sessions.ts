import { db, type Tx } from "@/lib/db";

/**
 * Signs the user out on every device: bumping the session version makes every session and
 * collab token issued before now read as signed out (lib/auth/session-user.ts, and the collab
 * server when a brief is opened). Returns the new version.
 */
export async function revokeSessions(userId: string, tx: Tx = db): Promise<number> {
  const user = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return user.sessionVersion;
}
