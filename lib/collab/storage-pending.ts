import type { Document } from "@hocuspocus/server";

/**
 * Sent by the collab server to a brief's clients while an edit to it waits for the database
 * (an outage): "edits are kept here and not saved yet". Browsers ignore stateless messages
 * they do not know; ours shows "database unavailable" while it has unsaved edits.
 */
export const STORAGE_PENDING_SIGNAL = '{"type":"storage-pending"}';

/** Well under the provider's 30 s: a provider that hears nothing for that long reconnects. */
export const STORAGE_PENDING_EVERY_MS = 10_000;

/**
 * Waits until `stored` settles, telling the brief's clients on this instance every
 * `everyMs` that an edit is still waiting for the database. Hocuspocus handles one
 * connection's messages in turn, so while its update waits nothing else from that sender
 * (edits, presence) reaches anyone; without these messages every provider on the brief would
 * reconnect after 30 s, which gains nothing (the update is kept and retried here) and, with
 * the database down, could not even authenticate again.
 */
export async function whileStoring(
  document: Document,
  stored: Promise<void>,
  everyMs = STORAGE_PENDING_EVERY_MS,
): Promise<void> {
  const timer = setInterval(() => document.relayStateless(STORAGE_PENDING_SIGNAL), everyMs);
  try {
    await stored;
  } finally {
    clearInterval(timer);
  }
}
