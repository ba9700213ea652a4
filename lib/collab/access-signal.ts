/**
 * What the collab server tells an open connection when the user's access to the brief
 * changes while it is open (lib/collab/revocation.ts), shared with the browser's editor
 * (lib/collab/access-watch.ts). Content-free constants, like the comment and workflow pings.
 */

/**
 * Close reasons of a connection the server ended because access was taken away: the member
 * was removed from the workspace, the brief was deleted, or the user signed out everywhere.
 * The editor says which, and stops reconnecting (a new connection would be refused anyway).
 */
export const ACCESS_END_REASONS = ["access-removed", "brief-deleted", "session-revoked"] as const;
export type AccessEndReason = (typeof ACCESS_END_REASONS)[number];

export function isAccessEndReason(reason: unknown): reason is AccessEndReason {
  return (ACCESS_END_REASONS as readonly unknown[]).includes(reason);
}

/** WebSocket close code of each: 4401 "sign in again", 4403 "not allowed". */
export function accessEndCode(reason: AccessEndReason): number {
  return reason === "session-revoked" ? 4401 : 4403;
}

/**
 * Stateless messages to a connection that stays open: the user may now only read (a
 * demotion to viewer), or may edit again (a promotion). Further updates of a read-only
 * connection are refused by Hocuspocus and never stored.
 */
export const ACCESS_READ_ONLY_SIGNAL = '{"type":"access","mode":"read"}';
export const ACCESS_EDIT_SIGNAL = '{"type":"access","mode":"edit"}';

/**
 * Close reason of a document connection whose update the update log refused at the storage
 * step because its author may no longer edit the brief (the change was committed while the
 * update was on its way). The server then closes the socket; the provider reconnects and
 * gets whatever access the user has now.
 */
export const EDIT_NOT_ALLOWED_REASON = "edit-not-allowed";
