/**
 * The one message clients exchange about comments over the collab connection: a content-free
 * "something changed, refetch" ping. Shared by the browser (sends and listens) and the collab
 * server (lib/collab/comment-signal.ts relays exactly this string and nothing else), so no
 * comment text ever travels outside the authorized server actions.
 */
export const COMMENT_SIGNAL = '{"type":"comments"}';

/** Longest stateless payload the server even tries to parse. */
export const COMMENT_SIGNAL_MAX_BYTES = 64;

/** True only for the exact ping, in any JSON spelling ({ "type": "comments" } with no extras). */
export function isCommentSignal(payload: unknown): boolean {
  if (typeof payload !== "string" || payload.length > COMMENT_SIGNAL_MAX_BYTES) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return false;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return false;
  const keys = Object.keys(parsed);
  return keys.length === 1 && (parsed as { type?: unknown }).type === "comments";
}
