import type { HocuspocusProvider } from "@hocuspocus/provider";
import {
  ACCESS_EDIT_SIGNAL,
  ACCESS_READ_ONLY_SIGNAL,
  isAccessEndReason,
  type AccessEndReason,
} from "./access-signal";

export type AccessWatch = {
  /**
   * What the collab server says this connection may do: true read-only, false read-write,
   * null before it said anything. It says so when the brief opens (the authentication's
   * scope, so a reconnection after a demotion reads as read-only) and when a role changes
   * while the brief is open.
   */
  readonly readOnly: boolean | null;
  /** Set when the server ended the connection because access was taken away. */
  readonly ended: AccessEndReason | null;
  destroy(): void;
};

/**
 * The client side of access changes on an open brief (lib/collab/revocation.ts), for the
 * browser's editor and the tests' clients alike. When the server ends the connection
 * because the member was removed, the brief deleted or the session revoked, this stops the
 * provider from reconnecting (it would only be refused) and reports why. `onChange` is called
 * whenever `readOnly` or `ended` changes.
 */
export function watchAccess(
  provider: HocuspocusProvider,
  onChange: () => void = () => undefined,
): AccessWatch {
  let readOnly: boolean | null = null;
  let ended: AccessEndReason | null = null;
  const setReadOnly = (value: boolean) => {
    if (readOnly === value) return;
    readOnly = value;
    onChange();
  };
  const onAuthenticated = ({ scope }: { scope: string }) => setReadOnly(scope === "readonly");
  const onStateless = ({ payload }: { payload: string }) => {
    if (payload === ACCESS_READ_ONLY_SIGNAL) setReadOnly(true);
    else if (payload === ACCESS_EDIT_SIGNAL) setReadOnly(false);
  };
  // Both the document's close message and the socket's close event carry the reason.
  const onClose = ({ event }: { event?: { reason?: string } }) => {
    const reason = event?.reason;
    if (ended || !isAccessEndReason(reason)) return;
    ended = reason;
    provider.configuration.websocketProvider.disconnect();
    onChange();
  };
  provider.on("authenticated", onAuthenticated);
  provider.on("stateless", onStateless);
  provider.on("close", onClose);
  return {
    get readOnly() {
      return readOnly;
    },
    get ended() {
      return ended;
    },
    destroy() {
      provider.off("authenticated", onAuthenticated);
      provider.off("stateless", onStateless);
      provider.off("close", onClose);
    },
  };
}
