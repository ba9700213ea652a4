import { db, type Db } from "../db";

/**
 * Prisma types Bytes as Uint8Array<ArrayBuffer>; Yjs and lib0 hand out Uint8Array views
 * typed over ArrayBufferLike. Copy only in the (never seen) SharedArrayBuffer case.
 */
export function asBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}

type PendingAppend = {
  briefId: string;
  update: Uint8Array;
  userId: string | null;
  resolve: () => void;
  reject: (error: unknown) => void;
};

export type UpdateLogOptions = {
  /** Most rows in one INSERT. */
  maxBatch?: number;
  /** Batches allowed in flight at once (≤ the pool size, leaving room for loads/compaction). */
  maxConcurrentFlushes?: number;
};

/**
 * Appends Yjs updates to BriefUpdate with group commit: every append that arrives while the
 * previous batches are being written goes into the next single multi-row INSERT, so many
 * editors cost one round trip and one commit per batch rather than one per keystroke.
 * `append` resolves only once the row is committed; the caller acknowledges after that.
 */
export class UpdateLogWriter {
  private readonly queue: PendingAppend[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxConcurrentFlushes: number;
  private readonly drained = new Set<() => void>();
  /** Committed batches and rows, for tests and the benchmark. */
  readonly stats = { batches: 0, rows: 0 };

  constructor(
    private readonly client: Db = db,
    options: UpdateLogOptions = {},
  ) {
    // Smaller batches in parallel beat one big batch at a time (measured: 200 writers,
    // 50 rows × 8 in flight ≈ 36k appends/s vs 200 rows × 1 ≈ 31k/s); pg's pool has 10.
    this.maxBatch = options.maxBatch ?? 100;
    this.maxConcurrentFlushes = options.maxConcurrentFlushes ?? 6;
  }

  append(briefId: string, update: Uint8Array, userId: string | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ briefId, update, userId, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when everything appended so far is committed (or failed). */
  async flushed(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.drained.add(resolve));
  }

  /**
   * Flushes on setImmediate rather than at once, so frames that the event loop read in the
   * same poll phase (from many sockets) land in the same batch.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startFlushes();
    });
  }

  private startFlushes(): void {
    while (this.inFlight < this.maxConcurrentFlushes && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      void this.write(batch).finally(() => {
        this.inFlight -= 1;
        if (this.queue.length > 0) this.startFlushes();
        else if (this.inFlight === 0) this.notifyDrained();
      });
    }
  }

  private async write(batch: PendingAppend[]): Promise<void> {
    // One multi-row INSERT. Raw SQL because Prisma's createMany costs several times more
    // per row (measured: ~70-150 ms vs ~15-30 ms for 200 rows), and this is the hot path.
    const values = batch.map((_, i) => `($${i * 3 + 1}::uuid, $${i * 3 + 2}, $${i * 3 + 3}::uuid)`);
    const params = batch.flatMap(({ briefId, update, userId }) => [
      briefId,
      asBytes(update),
      userId,
    ]);
    try {
      await this.client.$executeRawUnsafe(
        `INSERT INTO brief_updates (brief_id, update, user_id) VALUES ${values.join(", ")}`,
        ...params,
      );
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.stats.batches += 1;
    this.stats.rows += batch.length;
    for (const pending of batch) pending.resolve();
  }

  private notifyDrained(): void {
    for (const resolve of this.drained) resolve();
    this.drained.clear();
  }
}
