import type { HocuspocusProvider } from "@hocuspocus/provider";
import { DATABASE_UNAVAILABLE_REASON } from "../errors/database-unavailable";
import { STORAGE_PENDING_SIGNAL } from "./storage-pending";

/** Whether a refusal reason means "the database is down, try again", not "you may not". */
export function isDatabaseUnavailableReason(reason: string): boolean {
  // The token route's 503 reaches the provider as "Failed to get token…: Error: <reason>".
  return reason.includes(DATABASE_UNAVAILABLE_REASON);
}

export type DatabaseOutageWatch = {
  /** Edits are waiting for the database, or the brief could not be opened because of it. */
  readonly unavailable: boolean;
  destroy(): void;
};

export type OutageRetryDelays = { firstMs: number; maxMs: number };

/**
 * The client side of a database outage, for the browser's editor and the tests' clients
 * alike. The collab server says so while our edits wait for the database (storage-pending.ts)
 * and refuses to open a brief with the reason `database-unavailable`; a provider stops at a
 * refusal, so this closes its socket after a while (doubling up to `maxMs`) and the provider
 * reconnects, fetching a new token and syncing, until the brief opens. Local edits stay in
 * the document meanwhile. `onChange` is called whenever `unavailable` changes.
 */
export function watchDatabaseOutage(
  provider: HocuspocusProvider,
  onChange: () => void = () => undefined,
  delays: OutageRetryDelays = { firstMs: 2_000, maxMs: 15_000 },
): DatabaseOutageWatch {
  let unavailable = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delayMs = delays.firstMs;
  const set = (value: boolean) => {
    if (unavailable === value) return;
    unavailable = value;
    onChange();
  };
  const settle = () => {
    if (unavailable && provider.isSynced && !provider.hasUnsyncedChanges) set(false);
  };
  const onStateless = ({ payload }: { payload: string }) => {
    if (payload === STORAGE_PENDING_SIGNAL) set(true);
  };
  const onAuthenticated = () => {
    delayMs = delays.firstMs;
  };
  const onAuthenticationFailed = ({ reason }: { reason: string }) => {
    if (!isDatabaseUnavailableReason(reason)) return;
    set(true);
    clearTimeout(retry);
    retry = setTimeout(() => provider.configuration.websocketProvider.webSocket?.close(), delayMs);
    delayMs = Math.min(delayMs * 2, delays.maxMs);
  };
  provider.on("stateless", onStateless);
  provider.on("authenticated", onAuthenticated);
  provider.on("authenticationFailed", onAuthenticationFailed);
  provider.on("synced", settle);
  provider.on("unsyncedChanges", settle);
  return {
    get unavailable() {
      settle();
      return unavailable;
    },
    destroy() {
      clearTimeout(retry);
      provider.off("stateless", onStateless);
      provider.off("authenticated", onAuthenticated);
      provider.off("authenticationFailed", onAuthenticationFailed);
      provider.off("synced", settle);
      provider.off("unsyncedChanges", settle);
    },
  };
}
