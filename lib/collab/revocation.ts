import {
  OutgoingMessage,
  type beforeHandleMessagePayload,
  type connectedPayload,
  type Connection,
  type Extension,
  type Hocuspocus,
  type onConfigurePayload,
} from "@hocuspocus/server";
import { db, type Db } from "../db";
import { decideAccess, type AccessDecision, type AccessSubject } from "./access-check";
import { AccessNoticeListener, type AccessNotice } from "./access-notices";
import {
  ACCESS_EDIT_SIGNAL,
  ACCESS_READ_ONLY_SIGNAL,
  accessEndCode,
  EDIT_NOT_ALLOWED_REASON,
  isAccessEndReason,
  type AccessEndReason,
} from "./access-signal";
import { briefDocumentName } from "./document-name";
import { CollabRefusal, collabContext } from "./context";

export type RevocationOptions = {
  client?: Db;
  /** Where to LISTEN for access changes; DATABASE_URL (when the server starts) by default. */
  databaseUrl?: string;
  /**
   * Every open connection is checked again this often, in case a change was never
   * announced (made with triggers off, or while no instance was listening). Default 30 s, or
   * COLLAB_ACCESS_RECHECK_MS.
   */
  recheckEveryMs?: number;
};

/** Context key set at onConnect: how many notices this instance had heard by then. */
const NOTICE_MARK = "accessNoticeMark";

/**
 * Access changes reach open connections. The database announces every removal, role
 * change, session revocation and brief deletion on commit (access-notices.ts); on each, the
 * connections of this instance that it concerns are decided again like at connect time
 * (access-check.ts), and
 *  - a user who may no longer read is disconnected with the reason "access-removed",
 *    "brief-deleted" or "session-revoked" (the editor says which and stops reconnecting);
 *  - a user who may now only read keeps the connection, read-only: Hocuspocus refuses its
 *    updates, and the stateless ACCESS_READ_ONLY_SIGNAL tells the editor (a promotion gets
 *    ACCESS_EDIT_SIGNAL).
 * An edit already on its way when the change commits is refused by the update log itself
 * (storage-guard.ts), in the same statement that would have stored it.
 *
 * Missed notices: a connection that authenticated while a notice arrived is checked once it
 * is open; every (re)established LISTEN and every `recheckEveryMs` checks every connection.
 * Checks run one batch at a time, so an older answer never overrides a newer one.
 */
export class RevocationExtension implements Extension {
  extensionName = "BriefAccessRevocation";
  private readonly client: Db;
  private readonly databaseUrl: string | undefined;
  private readonly recheckEveryMs: number;
  private instance: Hocuspocus | null = null;
  private listener: AccessNoticeListener | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private noticesSeen = 0;
  private readonly ended = new WeakMap<Connection, CollabRefusal>();
  private readonly queued = new Set<Connection>();
  private draining: Promise<void> | null = null;
  private stopped = false;

  constructor(options: RevocationOptions = {}) {
    this.client = options.client ?? db;
    this.databaseUrl = options.databaseUrl;
    this.recheckEveryMs =
      options.recheckEveryMs ?? (Number(process.env.COLLAB_ACCESS_RECHECK_MS) || 30_000);
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  async onListen(): Promise<void> {
    const connectionString = this.databaseUrl ?? process.env.DATABASE_URL;
    if (connectionString) {
      this.listener = new AccessNoticeListener({
        connectionString,
        onNotice: (notice) => this.onNotice(notice),
        // Changes made while nobody here listened were announced to nobody.
        onListening: () => {
          this.noticesSeen += 1;
          this.checkAll();
        },
      });
      this.listener.start();
    } else {
      console.warn(
        "[collab] DATABASE_URL is not set: access changes are only re-checked periodically",
      );
    }
    this.timer = setInterval(() => {
      void this.listener?.ping();
      this.checkAll();
    }, this.recheckEveryMs);
    this.timer.unref();
  }

  async onConnect(): Promise<Record<string, number>> {
    return { [NOTICE_MARK]: this.noticesSeen };
  }

  async connected({ connection, context }: connectedPayload): Promise<void> {
    connection.onClose((_document, event) => {
      if (event?.reason === EDIT_NOT_ALLOWED_REASON) void this.afterRefusedEdit(connection);
    });
    // A notice heard between authentication's reads and now may concern this connection,
    // which was not open yet to be found.
    const mark = (context as Record<string, unknown> | undefined)?.[NOTICE_MARK];
    if (mark !== this.noticesSeen) this.enqueue([connection]);
  }

  /** Messages still queued on a connection this extension ended are never handled. */
  async beforeHandleMessage({ connection }: beforeHandleMessagePayload): Promise<void> {
    const refusal = this.ended.get(connection);
    if (refusal) throw refusal;
  }

  async onDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.listener?.stop();
    await this.draining;
  }

  private onNotice(notice: AccessNotice): void {
    this.noticesSeen += 1;
    const concerned: Connection[] = [];
    if (notice.kind === "brief") {
      const document = this.instance?.documents.get(briefDocumentName(notice.briefId));
      concerned.push(...(document?.getConnections() ?? []));
    } else {
      for (const connection of this.openConnections()) {
        const context = collabContext(connection.context);
        if (!context || context.user.id !== notice.userId) continue;
        if (notice.kind === "membership" && context.workspaceId !== notice.workspaceId) continue;
        concerned.push(connection);
      }
    }
    this.enqueue(concerned);
  }

  private checkAll(): void {
    this.enqueue(this.openConnections());
  }

  private *openConnections(): Iterable<Connection> {
    for (const document of this.instance?.documents.values() ?? []) {
      yield* document.getConnections();
    }
  }

  private enqueue(connections: Iterable<Connection>): void {
    for (const connection of connections) this.queued.add(connection);
    if (this.queued.size === 0 || this.draining || this.stopped) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      // Anything queued while the last batch was being applied.
      if (this.queued.size > 0) this.enqueue([]);
    });
  }

  private async drain(): Promise<void> {
    let failures = 0;
    while (this.queued.size > 0 && !this.stopped) {
      const batch = [...this.queued].filter(
        (connection) =>
          connection.document.hasConnection(connection) && !this.ended.has(connection),
      );
      this.queued.clear();
      const subjects = batch.map((connection) => subjectOf(connection));
      const checked = batch.filter((_, i) => subjects[i] !== null);
      if (checked.length === 0) continue;
      let decisions: AccessDecision[];
      try {
        decisions = await decideAccess(
          subjects.filter((subject): subject is AccessSubject => subject !== null),
          this.client,
        );
      } catch (error) {
        // The database is away: keep the connections as they are (the update log refuses
        // nothing it cannot store anyway) and try again shortly.
        if (failures === 0) console.error("[collab] could not re-check access", error);
        for (const connection of checked) this.queued.add(connection);
        failures += 1;
        await sleep(Math.min(5_000, 250 * 2 ** Math.min(failures, 5)));
        continue;
      }
      failures = 0;
      checked.forEach((connection, i) => this.apply(connection, decisions[i]!));
    }
  }

  private apply(connection: Connection, decision: AccessDecision): void {
    if (!connection.document.hasConnection(connection) || this.ended.has(connection)) return;
    if (isAccessEndReason(decision)) {
      this.end(connection, decision);
      return;
    }
    const readOnly = decision === "read";
    if (connection.readOnly === readOnly) return;
    connection.readOnly = readOnly;
    const context = collabContext(connection.context);
    if (context) context.readOnly = readOnly;
    connection.sendStateless(readOnly ? ACCESS_READ_ONLY_SIGNAL : ACCESS_EDIT_SIGNAL);
    if (!readOnly) {
      // Edits refused while read-only stay in the client, and its later edits build on
      // them: Yjs would hold those back as incomplete. Asking for everything the server lacks
      // (sync step 1) makes the client send them, now that its user may edit.
      connection.send(
        new OutgoingMessage(connection.messageAddress)
          .createSyncMessage()
          .writeFirstSyncStepFor(connection.document)
          .toUint8Array(),
      );
    }
  }

  /**
   * Ends the connection: nothing more is handled (read-only at once, queued messages refused
   * above), the document stops sending to it, the provider is told why, and the socket
   * closes with the same reason.
   */
  private end(connection: Connection, reason: AccessEndReason): void {
    const refusal = new CollabRefusal(reason, accessEndCode(reason));
    this.ended.set(connection, refusal);
    connection.readOnly = true;
    connection.close({ code: refusal.code, reason });
    connection.webSocket.close(refusal.code, reason);
  }

  /**
   * The update log refused an edit of this connection (the author's access changed while it
   * was on its way) and Hocuspocus closed the document connection. Close the socket too, so
   * the provider reconnects with the access the user has now, or learns that it has none.
   */
  private async afterRefusedEdit(connection: Connection): Promise<void> {
    let reason: string = EDIT_NOT_ALLOWED_REASON;
    let code = 4403;
    const subject = subjectOf(connection);
    if (subject) {
      try {
        const [decision] = await decideAccess([subject], this.client);
        if (decision && isAccessEndReason(decision)) {
          reason = decision;
          code = accessEndCode(decision);
        }
      } catch {
        // Reconnecting decides it anyway.
      }
    }
    connection.webSocket.close(code, reason);
  }
}

function subjectOf(connection: Connection): AccessSubject | null {
  const context = collabContext(connection.context);
  if (!context) return null;
  return {
    userId: context.user.id,
    briefId: context.briefId,
    sessionVersion: context.sessionVersion,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
