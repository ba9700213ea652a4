/**
 * A PostgreSQL server of a test's own, for tests that stop, kill and restart the database
 * (the shared server at 127.0.0.1:5432 must never be stopped). Debian's PostgreSQL binaries
 * by default, or the embedded default's (`embeddedBinaries()`), a throw-away data directory,
 * a free port on 127.0.0.1; as root the server runs as the `postgres` user, as `npm start`
 * does for the embedded database.
 *
 * Always `dispose()` it (in afterAll): it also kills the server when the test process exits.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { chmod, chown, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import {
  postgresBinaries,
  runAsUser,
  type PostgresBinaries,
  type RunAs,
} from "./embedded-binaries";

const DEBIAN_BIN = "/usr/lib/postgresql/15/bin";
/** Debian's PostgreSQL 15, as a team's server would run it. */
export const DEBIAN_POSTGRES: PostgresBinaries = {
  postgres: path.join(DEBIAN_BIN, "postgres"),
  initdb: path.join(DEBIAN_BIN, "initdb"),
};
/** The PostgreSQL 17 binaries `npm start` runs as the embedded default. */
export const embeddedBinaries = postgresBinaries;
/** The shared server's port: a disposable server never listens there. */
const SHARED_PORT = 5432;

/** How to take the server down: "immediate" is `pg_ctl stop -m immediate`, "kill" a kill -9. */
export type StopMode = "fast" | "immediate" | "kill";

const SIGNALS: Record<StopMode, NodeJS.Signals> = {
  fast: "SIGINT",
  immediate: "SIGQUIT",
  kill: "SIGKILL",
};

export type DisposableServer = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly port: number;
  readonly running: boolean;
  /** Starts the server again on the same port and data directory. */
  start(): Promise<void>;
  stop(mode?: StopMode): Promise<void>;
  /** Stops the server (immediately) and removes its data directory. */
  dispose(): Promise<void>;
};

export async function startDisposableServer(
  binaries: PostgresBinaries = DEBIAN_POSTGRES,
): Promise<DisposableServer> {
  for (const binary of [binaries.postgres, binaries.initdb]) {
    if (!existsSync(binary)) {
      const hint = binary.startsWith(DEBIAN_BIN) ? " (apt-get install postgresql-15)" : "";
      throw new Error(`${binary} is missing${hint}: a disposable PostgreSQL needs it.`);
    }
  }
  const user = await runAsUser();
  const root = mkdtempSync(path.join(tmpdir(), "briefroom-disposable-pg-"));
  const dataDir = path.join(root, "data");
  await giveTo(root, user);
  await initdb(binaries.initdb, dataDir, user);
  let port = await freePort();
  let url = `postgresql://postgres@127.0.0.1:${port}/postgres`;

  let child: ChildProcess | null = null;
  let log: string[] = [];
  const killNow = () => {
    if (child?.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  const onExit = () => {
    killNow();
    rmSync(root, { recursive: true, force: true });
  };
  process.once("exit", onExit);

  const start = async () => {
    if (child) throw new Error("The disposable PostgreSQL is already running.");
    log = [];
    const started = spawn(
      binaries.postgres,
      [
        ...["-D", dataDir, "-p", String(port)],
        ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
        // A test server: durability across an OS crash is not what the tests are about
        // (committed rows survive the server's own crash without fsync).
        ...["-c", "fsync=off", "-c", "max_connections=50", "-c", "shared_buffers=32MB"],
      ],
      { ...user, stdio: ["ignore", "pipe", "pipe"] },
    );
    child = started;
    const onLine = (chunk: Buffer) => {
      log.push(...chunk.toString().split("\n").filter(Boolean));
      if (log.length > 40) log.splice(0, log.length - 40);
    };
    started.stdout?.on("data", onLine);
    started.stderr?.on("data", onLine);
    started.once("exit", () => {
      if (child === started) child = null;
    });
    await waitUntilReady(url, dataDir, started, () => log);
  };

  const stop = (mode: StopMode = "immediate") =>
    new Promise<void>((resolve) => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) {
        child = null;
        return resolve();
      }
      running.once("exit", () => {
        child = null;
        resolve();
      });
      running.kill(SIGNALS[mode]);
    }).then(() => (mode === "kill" ? waitForBackendsToExit(dataDir) : undefined));

  // Another process may take the free port before the server binds it: try another one.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await start();
      break;
    } catch (error) {
      const taken = /could not bind|already in use|another server/i.test(String(error));
      await stop("kill");
      if (!taken || attempt >= 3) {
        onExit();
        process.removeListener("exit", onExit);
        throw error;
      }
      port = await freePort();
      url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    }
  }
  return {
    url,
    port,
    get running() {
      return child !== null;
    },
    start,
    stop,
    async dispose() {
      await stop("immediate");
      process.removeListener("exit", onExit);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function giveTo(dir: string, user: RunAs): Promise<void> {
  if (user.uid === undefined || user.gid === undefined) return;
  await chown(dir, user.uid, user.gid);
  // The postgres user must be able to reach it: add the search bit (x) to the folders on
  // the way where it is missing, never read access.
  for (let up = path.dirname(dir); up !== path.dirname(up); up = path.dirname(up)) {
    const { mode } = await stat(up);
    if ((mode & 0o001) === 0) await chmod(up, mode | 0o001);
  }
}

function initdb(binary: string, dataDir: string, user: RunAs): Promise<void> {
  const args = ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"];
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args, "--locale=C.UTF-8"], {
      ...user,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`initdb exited ${code}:\n${output.trim()}`)),
    );
  });
}

async function waitUntilReady(
  url: string,
  dataDir: string,
  child: ChildProcess,
  log: () => string[],
): Promise<void> {
  const deadline = Date.now() + 60_000; // a loaded two-core machine can take a while
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The disposable PostgreSQL exited:\n${log().join("\n")}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ dir: string }>(
        "SELECT current_setting('data_directory') AS dir",
      );
      // Another server that took the port meanwhile must never be mistaken for ours.
      if (rows[0]?.dir !== dataDir) throw new Error(`Port of ${url} is used by another server`);
      return;
    } catch (error) {
      if (error instanceof Error && error.message.includes("another server")) throw error;
      if (Date.now() > deadline)
        throw new Error(`The disposable PostgreSQL did not start:\n${log().join("\n")}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * After a kill -9 of the postmaster its backends notice and exit on their own; until they
 * have, a new postmaster refuses the data directory (its shared memory is still in use).
 */
async function waitForBackendsToExit(dataDir: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && backendsOf(dataDir) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function backendsOf(dataDir: string): number {
  if (!existsSync(path.join(dataDir, "postmaster.pid"))) return 0;
  // Backends run in the data directory (the postmaster chdirs there before forking them).
  let count = 0;
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (readlinkSync(`/proc/${pid}/cwd`) === dataDir) count += 1;
      } catch {
        // not ours to read, or gone
      }
    }
  } catch {
    return 0; // no /proc: the restart's own retry handles it
  }
  return count;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() =>
        port && port !== SHARED_PORT ? resolve(port) : reject(new Error("no free port")),
      );
    });
  });
}
