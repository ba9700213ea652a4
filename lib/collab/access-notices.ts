import pg from "pg";

/**
 * The PostgreSQL channel on which the database announces access changes: triggers on
 * memberships, users and briefs (migration access_change_notices) notify it on commit,
 * whichever code path made the change. Every collab instance listens, so every instance
 * hears every change without Redis.
 */
export const ACCESS_CHANNEL = "briefroom_access";

export type AccessNotice =
  /** A membership was removed or its role changed. */
  | { kind: "membership"; workspaceId: string; userId: string }
  /** The user's session version moved on (sign out everywhere, a new password). */
  | { kind: "session"; userId: string }
  /** The brief was soft-deleted, restored or deleted. */
  | { kind: "brief"; briefId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** The notice a payload carries, or null for anything else. */
export function parseAccessNotice(payload: string | undefined): AccessNotice | null {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(payload ?? "") as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const { kind, workspaceId, userId, briefId } = parsed;
  if (kind === "membership" && id(workspaceId) && id(userId)) {
    return { kind, workspaceId, userId };
  }
  if (kind === "session" && id(userId)) return { kind, userId };
  if (kind === "brief" && id(briefId)) return { kind, briefId };
  return null;
}

export type AccessNoticeListenerOptions = {
  connectionString: string;
  onNotice: (notice: AccessNotice) => void;
  /**
   * Called each time LISTEN is (re)established. Changes committed while the connection was
   * down were announced to nobody here, so the caller re-checks everything then.
   */
  onListening: () => void;
  /** Longest wait between two attempts to connect again. */
  maxRetryDelayMs?: number;
};

/**
 * One dedicated connection that LISTENs on ACCESS_CHANNEL and connects again, with backoff,
 * whenever it is lost (the database restarting, a network cut). It never throws into the
 * server: errors are logged once per outage.
 */
export class AccessNoticeListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private attempt = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private downSince: number | null = null;
  private readonly maxRetryDelayMs: number;
  /** Clients already given up on: "error" and "end" both arrive for one loss. */
  private readonly dropped = new WeakSet<pg.Client>();

  constructor(private readonly options: AccessNoticeListenerOptions) {
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 5_000;
  }

  start(): void {
    void this.connect();
  }

  /** Whether LISTEN is in place right now. */
  get listening(): boolean {
    return this.client !== null;
  }

  /**
   * Asks the server something on the listening connection, so a connection that died
   * silently (no reset reached us) is noticed and replaced rather than kept deaf.
   */
  async ping(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      await client.query("SELECT 1");
    } catch (error) {
      this.lost(client, error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (!client) return;
    this.dropped.add(client);
    await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: "briefroom-collab-access",
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    client.on("notification", ({ channel, payload }) => {
      if (channel !== ACCESS_CHANNEL) return;
      const notice = parseAccessNotice(payload);
      if (notice) this.options.onNotice(notice);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCESS_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    if (this.downSince !== null) {
      const seconds = ((Date.now() - this.downSince) / 1000).toFixed(1);
      console.log(`[collab] listening for access changes again after ${seconds} s`);
      this.downSince = null;
    }
    this.options.onListening();
  }

  /** Drops `client` (once) and schedules a new connection. */
  private lost(client: pg.Client, error: unknown): void {
    if (this.dropped.has(client)) return;
    this.dropped.add(client);
    if (this.client === client) this.client = null;
    client.removeAllListeners("notification");
    // A broken connection may still emit; keep an error listener so nothing is unhandled.
    client.on("error", () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    if (this.downSince === null) {
      this.downSince = Date.now();
      const message = error instanceof Error ? error.message : String(error);
      console.error(
        `[collab] not listening for access changes (${message}); retrying, and open ` +
          "connections are re-checked periodically meanwhile",
      );
    }
    const base = Math.min(this.maxRetryDelayMs, 100 * 2 ** Math.min(this.attempt, 10));
    this.attempt += 1;
    this.retry = setTimeout(() => void this.connect(), base / 2 + Math.random() * (base / 2));
    this.retry.unref();
  }
}
