/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: PGlite (PostgreSQL 17 compiled
 * to WASM, no binaries, runs as any user) served on 127.0.0.1 through pglite-socket, so
 * Next, the collab server and the Prisma CLI all connect to it like to any PostgreSQL.
 *
 * Pinned to PGlite 0.4.x + pglite-socket 0.1.x: 0.5.x (PostgreSQL 18) makes Prisma's
 * schema describer panic. Measurements and limits: lib/db/EMBEDDED.md.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export const DEFAULT_EMBEDDED_PORT = 54329;

export type EmbeddedPostgres = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres — the database name is ignored by the server. */
  url: string;
  port: number;
  /** Closes client connections, flushes data to disk and releases the data directory. */
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** Where the data lives; omit for a throw-away in-memory database. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. Default EMBEDDED_DB_PORT or 54329. */
  port?: number;
  /**
   * Concurrent client connections the server accepts. Queries from all connections are
   * run one at a time (PGlite is a single backend); a connection inside a transaction
   * keeps the database until it commits. Default 20: several processes × small pools.
   */
  maxConnections?: number;
};

// Lower memory settings, as Prisma's own PGlite server (@prisma/dev) uses: the defaults
// are sized for a dedicated server, not a database inside a developer's laptop process.
// prettier-ignore
const START_PARAMS = [
  "-c", "shared_buffers=16MB",
  "-c", "temp_buffers=1MB",
  "-c", "work_mem=1MB",
  "-c", "maintenance_work_mem=16MB",
  "-c", "wal_buffers=1MB",
];

/** Start PGlite on `dataDir` (created if missing) and serve it on 127.0.0.1:`port`. */
export async function startEmbeddedPostgres(
  options: EmbeddedOptions = {},
): Promise<EmbeddedPostgres> {
  const port = options.port ?? Number(process.env.EMBEDDED_DB_PORT ?? DEFAULT_EMBEDDED_PORT);
  const releaseLock = options.dataDir
    ? lockDataDir(path.resolve(options.dataDir))
    : () => undefined;
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : "memory://";
  let db: PGlite | undefined;
  try {
    const fresh = dataDir !== "memory://" && !existsSync(path.join(dataDir, "PG_VERSION"));
    db = await openPGlite(dataDir);
    if (fresh) {
      // initdb inside WASM grows the heap to ~750 MB, and WASM memory never shrinks.
      // Reopening costs ~0.4 s and brings the server back to ~300 MB.
      await db.close();
      db = await openPGlite(dataDir);
    }
    const server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port,
      maxConnections: options.maxConnections ?? 20,
    });
    await server.start().catch((error: unknown) => {
      throw portError(port, error);
    });
    const actualPort = Number(server.getServerConn().split(":").pop());
    const running = db;
    let stopped = false;
    return {
      url: `postgresql://postgres@127.0.0.1:${actualPort}/postgres`,
      port: actualPort,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await running.close();
        releaseLock();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
}

function openPGlite(dataDir: string): Promise<PGlite> {
  return PGlite.create({
    dataDir,
    startParams: [...PGlite.defaultStartParams, ...START_PARAMS],
    // Incident search uses trigram indexes (CREATE EXTENSION pg_trgm in the migrations).
    extensions: { pg_trgm },
  });
}

function portError(port: number, error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "EADDRINUSE") {
    return new Error(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot listen on it. ` +
        "Stop whatever uses it (another Briefroom?) or set EMBEDDED_DB_PORT to a free port.",
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * One process per data directory: two PGlite instances writing the same files corrupt
 * them. A pid file is enough here (same machine, same user); a stale one (its process
 * gone) is taken over.
 */
const openInThisProcess = new Set<string>();

function lockDataDir(dataDir: string): () => void {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockFile = `${dataDir}.lock`;
  if (openInThisProcess.has(dataDir)) {
    throw new Error(`The embedded database in ${dataDir} is already open in this process.`);
  }
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is already in use by process ${pid}. ` +
          "Stop that process first (only one may open the data directory).",
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  openInThisProcess.add(dataDir);
  return () => {
    openInThisProcess.delete(dataDir);
    rmSync(lockFile, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === "EPERM";
  }
}
