import type {
  beforeHandleMessagePayload,
  Extension,
  onChangePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import { isTransactionOrigin } from "@hocuspocus/server";
import * as Y from "yjs";
import { db, type Db } from "../db";
import { applyStoredState, loadBriefState } from "../documents/stored-state";
import { compactBrief, type AfterCompaction } from "./compaction";
import { CollabRefusal, collabContext, refuseMessage } from "./context";
import { parseBriefDocumentName } from "./document-name";
import { whileStoring } from "./storage-pending";
import { documentUpdateOf, isEmptyUpdate, isWellFormedUpdate } from "./sync-frame";
import { addsToDocument } from "./update-effect";
import { UpdateLogWriter } from "./update-log";

function briefIdOf(documentName: string): string {
  const briefId = parseBriefDocumentName(documentName);
  if (!briefId) throw new CollabRefusal("unknown-document");
  return briefId;
}

/**
 * Durability: every document update a client sends is validated and committed to the
 * BriefUpdate log in `beforeHandleMessage`, which Hocuspocus awaits before it applies the
 * update, acknowledges it (SyncStatus) and broadcasts it. So an update a client saw
 * acknowledged is in Postgres, whatever happens to this process afterwards.
 * Compaction into BriefDocument runs on Hocuspocus's debounced onStoreDocument (and on
 * unload), from the database, never from the in-memory doc.
 *
 * `broadcastBeforeCommit` trades the "nothing reaches peers before it is durable" rule for
 * latency: the update is applied (so broadcast) at once and only the acknowledgement waits
 * for the commit. Acknowledged edits are still never lost (the sender resends anything
 * unacknowledged on reconnect), but peers may briefly see an edit that a crash then takes
 * back until the sender reconnects. Off by default; see bench/results/collab.md.
 *
 * The database going away: appends wait (update-log.ts retries them) instead of failing, so
 * clients keep their edits unacknowledged — "saving", never "saved" — and the connection
 * stays open; when the database returns they are stored, acknowledged and broadcast in
 * order. A brief that has to be loaded meanwhile is refused with the reason
 * "database-unavailable" (see DatabaseUnavailableError), never served empty.
 */
export class PersistenceExtension implements Extension {
  extensionName = "BriefPersistence";
  readonly writer: UpdateLogWriter;
  private readonly client: Db;
  private readonly broadcastBeforeCommit: boolean;
  private readonly afterCompaction: readonly AfterCompaction[];

  constructor(
    options: {
      client?: Db;
      writer?: UpdateLogWriter;
      broadcastBeforeCommit?: boolean;
      /** The domains' steps after each compaction round (see compaction.ts). */
      afterCompaction?: readonly AfterCompaction[];
    } = {},
  ) {
    this.client = options.client ?? db;
    this.writer = options.writer ?? new UpdateLogWriter(this.client);
    this.broadcastBeforeCommit = options.broadcastBeforeCommit ?? false;
    this.afterCompaction = options.afterCompaction ?? [];
  }

  /** Throwing here makes Hocuspocus refuse the connection: a brief whose state could not be read is never served empty. */
  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const briefId = briefIdOf(documentName);
    const stored = await loadBriefState(briefId, this.client);
    applyStoredState(document, stored, (index, error) => {
      console.error(
        `[collab] brief ${briefId}: skipped an unreadable stored update (#${index})`,
        error,
      );
    });
  }

  async beforeHandleMessage({
    update: frame,
    connection,
    context,
    document,
    documentName,
  }: beforeHandleMessagePayload): Promise<void> {
    // Hocuspocus answers a read-only connection's updates with SyncStatus(false) and never
    // applies them; they must not reach the log either.
    if (connection.readOnly) return;
    let update: Uint8Array | null;
    try {
      update = documentUpdateOf(frame);
    } catch {
      refuseMessage(connection, new CollabRefusal("malformed-frame", 4400));
    }
    if (!update || isEmptyUpdate(update)) return;
    if (!isWellFormedUpdate(update))
      refuseMessage(connection, new CollabRefusal("malformed-update", 4400));
    // Only an update that changes the document makes its sender an author (see
    // update-effect.ts: a reloading browser replays content the server already has).
    const author = addsToDocument(document, update)
      ? (collabContext(context)?.user.id ?? null)
      : null;
    const appended = this.writer.append(briefIdOf(documentName), update, author);
    if (this.broadcastBeforeCommit) {
      // Applying with the connection as origin broadcasts it now (and publishes it to
      // Redis); Hocuspocus applies it again after we return, a no-op, then acknowledges.
      try {
        Y.applyUpdate(document, update, { source: "connection", connection });
      } catch (error) {
        await appended.catch(() => undefined);
        throw error;
      }
    }
    // While the database is down the writer keeps retrying, so this waits for it to return:
    // the update is neither acknowledged nor (by default) shown to others until it is stored.
    await whileStoring(document, appended);
  }

  /**
   * Logs changes made on the server itself (a DirectConnection, or an extension's own
   * transaction), which do not pass through beforeHandleMessage. Storage compacts the log,
   * not the document in memory, so such a change would otherwise never be stored. No route
   * makes one today (restoring a snapshot is an edit in the restorer's browser); this keeps
   * the log complete whatever the origin. Client updates are already logged, and updates
   * from Redis were logged by the instance that received them.
   */
  async onChange({ transactionOrigin, update, documentName }: onChangePayload): Promise<void> {
    if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source !== "local") return;
    try {
      await this.writer.append(briefIdOf(documentName), update, null);
    } catch (error) {
      // onChange is not awaited by Hocuspocus: never let it become an unhandled rejection.
      console.error(`[collab] could not log a server-side change to ${documentName}`, error);
    }
  }

  async onStoreDocument({ documentName }: onStoreDocumentPayload): Promise<void> {
    await compactBrief(briefIdOf(documentName), {
      client: this.client,
      afterCompaction: this.afterCompaction,
    });
  }

  async onDestroy(): Promise<void> {
    await this.writer.flushed();
  }
}
