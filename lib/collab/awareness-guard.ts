import type { Extension, beforeHandleAwarenessPayload } from "@hocuspocus/server";
import { collabContext } from "./context";
import { FALLBACK_PRESENCE_COLOR, isPresenceColor } from "./presence-color";

type AwarenessState = Record<string, unknown>;

function claimedUser(
  state: AwarenessState | undefined,
): { id?: unknown; name?: unknown } | undefined {
  const user = state?.user;
  return user && typeof user === "object" ? (user as { id?: unknown; name?: unknown }) : undefined;
}

/**
 * Presence must not lie: an awareness state from a connection may only carry that
 * connection's authenticated identity (`user.id` and `user.name` equal to the token's), and
 * may not take over a client id whose current state belongs to someone else. Offending
 * states are dropped from the update (and logged); the rest of it goes through, so a buggy
 * client loses its caret rather than its connection.
 */
export class AwarenessGuardExtension implements Extension {
  extensionName = "BriefAwarenessGuard";

  async beforeHandleAwareness({
    states,
    context,
    connection,
    document,
  }: beforeHandleAwarenessPayload): Promise<void> {
    // Updates relayed from other instances (Redis) were checked where they came in.
    if (!connection) return;
    const identity = collabContext(context)?.user;
    const current = document.awareness.getStates();

    for (const [clientId, state] of states) {
      const claimed = claimedUser(state);
      const spoofsIdentity =
        !identity ||
        (claimed !== undefined && (claimed.id !== identity.id || claimed.name !== identity.name));
      const owner = claimedUser(current.get(clientId));
      const hijacksClient = owner !== undefined && owner.id !== identity?.id;
      if (spoofsIdentity || hijacksClient) {
        states.delete(clientId);
        console.warn(
          `[collab] dropped awareness state of client ${clientId} on ${document.name}: ${spoofsIdentity ? "identity does not match the token" : "client id belongs to another user"}`,
        );
        continue;
      }
      // Everyone's browser puts the colour into CSS: anything but a hex colour is replaced.
      const user = state?.user as Record<string, unknown> | undefined;
      if (user && typeof user === "object" && !isPresenceColor(user.color)) {
        states.set(clientId, { ...state, user: { ...user, color: FALLBACK_PRESENCE_COLOR } });
      }
    }
  }
}
