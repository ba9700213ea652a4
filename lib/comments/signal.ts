/**
 * The messages clients exchange over the collab connection beside the document: content-free
 * "something changed, refetch" pings, one for comments and one for the review workflow. Shared by the browser (sends and listens) and the collab
 * server (lib/collab/comment-signal.ts relays exactly this string and nothing else), so no
 * comment text ever travels outside the authorized server actions.
 */
export const COMMENT_SIGNAL = '{"type":"comments"}';
/** A workflow step happened (submit, approve, publish…): open pages refresh their panel. */
export const WORKFLOW_SIGNAL = '{"type":"workflow"}';

const SIGNALS = { comments: COMMENT_SIGNAL, workflow: WORKFLOW_SIGNAL } as const;
export type BriefSignal = keyof typeof SIGNALS;

/** Longest stateless payload the server even tries to parse. */
export const COMMENT_SIGNAL_MAX_BYTES = 64;

/** Which ping `payload` is, in any JSON spelling ({ "type": … } with no extras); else null. */
export function parseBriefSignal(payload: unknown): BriefSignal | null {
  if (typeof payload !== "string" || payload.length > COMMENT_SIGNAL_MAX_BYTES) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const type = (parsed as { type?: unknown }).type;
  return Object.keys(parsed).length === 1 && (type === "comments" || type === "workflow")
    ? type
    : null;
}

/** The server's own copy of a ping, the only thing it ever broadcasts. */
export function signalPayload(signal: BriefSignal): string {
  return SIGNALS[signal];
}

export function isCommentSignal(payload: unknown): boolean {
  return parseBriefSignal(payload) === "comments";
}
