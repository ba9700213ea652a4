import type { Connection } from "@hocuspocus/server";

/**
 * Sent by the collab server to a client whose edit has been waiting for the database for a
 * while (an outage): "your edit is kept here and not saved yet". Browsers ignore stateless
 * messages they do not know, and may show it.
 */
export const STORAGE_PENDING_SIGNAL = '{"type":"storage-pending"}';

/** Well under the provider's 30 s: a provider that hears nothing for that long reconnects. */
export const STORAGE_PENDING_EVERY_MS = 10_000;

/**
 * Waits until `stored` settles, telling the sender every `everyMs` that its edit is still
 * waiting for the database. Hocuspocus handles one connection's messages in turn, so while
 * an update waits nothing else reaches its sender; without these messages the provider would
 * reconnect after 30 s, which gains nothing (the update is kept and retried here) and, with
 * the database down, could not even authenticate again.
 */
export async function whileStoring(
  connection: Connection,
  stored: Promise<void>,
  everyMs = STORAGE_PENDING_EVERY_MS,
): Promise<void> {
  const timer = setInterval(() => connection.sendStateless(STORAGE_PENDING_SIGNAL), everyMs);
  try {
    await stored;
  } finally {
    clearInterval(timer);
  }
}
