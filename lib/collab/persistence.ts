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
import { compactBrief, loadBriefState, storedStateAsUpdate } from "./brief-state";
import { CollabRefusal, collabContext, refuseMessage } from "./context";
import { parseBriefDocumentName } from "./document-name";
import { documentUpdateOf, isEmptyUpdate, isWellFormedUpdate } from "./sync-frame";
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
 */
export class PersistenceExtension implements Extension {
  extensionName = "BriefPersistence";
  readonly writer: UpdateLogWriter;
  private readonly client: Db;

  constructor(options: { client?: Db; writer?: UpdateLogWriter } = {}) {
    this.client = options.client ?? db;
    this.writer = options.writer ?? new UpdateLogWriter(this.client);
  }

  /** Throwing here makes Hocuspocus refuse the connection: a brief whose state could not be read is never served empty. */
  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const briefId = briefIdOf(documentName);
    const stored = await loadBriefState(briefId, this.client);
    const update = storedStateAsUpdate(stored, (index, error) => {
      console.error(
        `[collab] brief ${briefId}: skipped an unreadable stored update (position ${index})`,
        error,
      );
    });
    Y.applyUpdate(document, update);
  }

  async beforeHandleMessage({
    update: frame,
    connection,
    context,
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
    await this.writer.append(
      briefIdOf(documentName),
      update,
      collabContext(context)?.user.id ?? null,
    );
  }

  /**
   * Changes made on the server (a DirectConnection, e.g. a future restore) do not pass
   * through beforeHandleMessage; log them here. Client updates are already logged, and
   * updates from Redis were logged by the instance that received them.
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
    await compactBrief(briefIdOf(documentName), this.client);
  }

  async onDestroy(): Promise<void> {
    await this.writer.flushed();
  }
}
