import * as decoding from "lib0/decoding";
import { messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";
import * as Y from "yjs";

/** Hocuspocus message types that carry y-protocols sync messages (see @hocuspocus/server types). */
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;

/**
 * The document update carried by a raw Hocuspocus frame (`<name><type><sync type><update>`),
 * or null when the frame carries none (awareness, SyncStep1, auth, …).
 * Throws on frames too short to decode; callers treat that as a malformed frame.
 */
export function documentUpdateOf(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== messageYjsSyncStep2 && syncType !== messageYjsUpdate) return null;
  return decoding.readVarUint8Array(decoder);
}

/** A v1 update with no structs and no deletions: what a client sends when it has nothing new. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/**
 * Whether `update` is a well-formed Yjs update: it decodes completely (structs, contents and
 * delete set), so random bytes and truncated updates are refused here rather than failing
 * in the live document or, worse, after being written to the update log, where they would
 * break every later load. Y.decodeUpdate runs the same decoders as Y.applyUpdate without
 * building a Y.Doc (measured ~4 µs vs ~250 µs per keystroke update).
 */
export function isWellFormedUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}
