import type {
  Connection,
  Document,
  Extension,
  beforeHandleMessagePayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { CollabRefusal, refuseMessage } from "./context";
import { documentUpdateOf } from "./sync-frame";

export type CollabLimits = {
  /** Largest WebSocket message; bigger ones close that connection (also enforced by ws maxPayload). */
  maxMessageBytes: number;
  /** Largest encoded document; updates that would grow a brief past it are refused. */
  maxDocumentBytes: number;
  /** Sustained messages per second per connection, and the burst allowed above it. */
  messagesPerSecond: number;
  messageBurst: number;
};

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: 5 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  // A fast typist sends ~10 updates/s plus as many cursor moves; pastes and undo come in bursts.
  messagesPerSecond: 60,
  messageBurst: 300,
};

type Bucket = { tokens: number; refilledAt: number };

/**
 * Per-connection limits. Runs before persistence, so a refused message is never logged.
 * Throwing from beforeHandleMessage makes Hocuspocus close that one connection with our
 * code and reason; other connections and documents are untouched.
 */
export class LimitsExtension implements Extension {
  extensionName = "BriefLimits";
  readonly limits: CollabLimits;
  private readonly buckets = new WeakMap<Connection, Bucket>();
  /** Upper bound of each document's encoded size: exact at load, plus every update since. */
  private readonly documentBytes = new WeakMap<Document, number>();

  constructor(limits: Partial<CollabLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  async beforeHandleMessage({
    update: frame,
    connection,
    document,
  }: beforeHandleMessagePayload): Promise<void> {
    if (frame.byteLength > this.limits.maxMessageBytes)
      refuseMessage(connection, new CollabRefusal("message-too-big", 1009));
    if (!this.takeToken(connection))
      refuseMessage(connection, new CollabRefusal("rate-limited", 4429));
    if (connection.readOnly) return;

    let update: Uint8Array | null = null;
    try {
      update = documentUpdateOf(frame);
    } catch {
      return; // malformed: persistence refuses it
    }
    if (!update) return;
    const estimate =
      (this.documentBytes.get(document) ?? this.measure(document)) + update.byteLength;
    if (estimate <= this.limits.maxDocumentBytes) {
      this.documentBytes.set(document, estimate);
      return;
    }
    // The running estimate over-counts (overwritten and deleted content, duplicates):
    // measure for real before refusing.
    const exact = this.measure(document) + update.byteLength;
    if (exact > this.limits.maxDocumentBytes)
      refuseMessage(connection, new CollabRefusal("document-too-large", 4413));
    this.documentBytes.set(document, exact);
  }

  private measure(document: Document): number {
    const bytes = Y.encodeStateAsUpdate(document).byteLength;
    this.documentBytes.set(document, bytes);
    return bytes;
  }

  private takeToken(connection: Connection): boolean {
    const now = Date.now();
    const bucket = this.buckets.get(connection) ?? {
      tokens: this.limits.messageBurst,
      refilledAt: now,
    };
    const refill = ((now - bucket.refilledAt) / 1000) * this.limits.messagesPerSecond;
    bucket.tokens = Math.min(this.limits.messageBurst, bucket.tokens + refill);
    bucket.refilledAt = now;
    this.buckets.set(connection, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
