import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const BIN = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** Extra environment for a child; merged over ours. (Not NodeJS.ProcessEnv: Next makes NODE_ENV required there.) */
export type Env = Record<string, string | undefined>;

const children = new Set<ChildProcess>();
/** Service name of each running child, so shutdown can stop the database last. */
const names = new WeakMap<ChildProcess, string>();
/** The service the others keep connections to; it stops after them so it can flush cleanly. */
export const DATABASE_SERVICE = "db";
let shuttingDown = false;

/** A port the OS says is free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type ServiceOptions = {
  name: string;
  command: string;
  args: string[];
  env?: Env;
  /** Resolves once a line of output matches; the match is returned. */
  ready: RegExp;
  timeoutMs?: number;
  /** Echo the service's output, prefixed with its name. */
  echo?: boolean;
  /** Every complete line of output, for as long as the child runs. */
  onLine?: (line: string) => void;
};

/** Starts a long-running child and waits until it says it is ready. */
export function startService(
  options: ServiceOptions,
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(options.command, options.args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  names.set(child, options.name);
  child.on("exit", () => children.delete(child));

  return new Promise((resolve, reject) => {
    let output = "";
    let settled = false;
    const timer = setTimeout(
      () => fail(new Error(`${options.name} did not start in time`)),
      options.timeoutMs ?? 120_000,
    );
    function fail(error: Error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGTERM");
      reject(new Error(`${error.message}\n--- ${options.name} output ---\n${output.slice(-4000)}`));
    }
    const partial = { stdout: "", stderr: "" };
    function onLines(stream: "stdout" | "stderr", text: string) {
      const lines = (partial[stream] + text).split("\n");
      partial[stream] = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.trim()) continue;
        if (options.echo) console.log(`[${options.name}] ${line}`);
        options.onLine?.(line);
      }
    }
    function onData(stream: "stdout" | "stderr", chunk: Buffer) {
      const text = chunk.toString();
      onLines(stream, text);
      if (settled) return;
      output += text;
      const match = output.match(options.ready);
      if (match) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, match });
      }
    }
    child.stdout?.on("data", (chunk: Buffer) => onData("stdout", chunk));
    child.stderr?.on("data", (chunk: Buffer) => onData("stderr", chunk));
    child.once("exit", (code, signal) =>
      fail(new Error(`${options.name} exited (${signal ?? code})`)),
    );
    child.once("error", (error) => fail(error));
  });
}

/** Runs a command to completion, inheriting the terminal; rejects on a non-zero exit. */
export function run(command: string, args: string[], env?: Env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: "inherit",
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? code})`),
          ),
    );
  });
}

/** Asks a child to stop, and forces it after 5 s. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Stops every service this process started; called on exit and on signals. Supervised
 * services are not restarted from here on. The database stops last, once the web and collab
 * servers have closed their connections, so it shuts down with nothing in flight.
 */
export async function stopAll(): Promise<void> {
  shuttingDown = true;
  const isDatabase = (child: ChildProcess) => names.get(child) === DATABASE_SERVICE;
  await Promise.all([...children].filter((child) => !isDatabase(child)).map(stopChild));
  await Promise.all([...children].filter(isDatabase).map(stopChild));
}

export function stopAllOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void stopAll().finally(() => process.exit(0));
    });
  }
}

/** How the collaboration server (`lib/collab/main.ts`) is run, and how it says it is ready. */
export function collabService(env: Env, echo = false): ServiceOptions {
  return {
    name: "collab",
    // node --import tsx, not the tsx CLI: the CLI runs a child, which a kill would orphan.
    command: process.execPath,
    args: ["--import", "tsx", path.join(ROOT, "lib/collab/main.ts")],
    env,
    ready: /COLLAB_READY/,
    echo,
  };
}

/** Between a service's exit and its restart. */
export const RESTART_PAUSE_MS = 100;

export type SupervisedService = {
  /** The child running now (a new one after each restart). */
  readonly child: ChildProcess;
  /** The ready match of the first start. */
  readonly match: RegExpMatchArray;
};

type SuperviseOptions = ServiceOptions & {
  /** A service that exits this many times within `crashWindowMs` is not restarted again. */
  maxExits?: number;
  crashWindowMs?: number;
  /** Called when the service crash-loops; by default everything stops and we exit 1. */
  onCrashLoop?: (error: Error) => void;
  /** Called with each new child: the first one and every restart. */
  onStart?: (child: ChildProcess) => void;
};

/**
 * Starts a service and keeps it running: if it exits or is killed while we are not shutting
 * down, it is started again (same command and env) after a short pause, so a crashed collab
 * or web server comes back by itself. A service that keeps dying is given up on with its name
 * and its last output lines, instead of restarting forever.
 */
export async function superviseService(options: SuperviseOptions): Promise<SupervisedService> {
  const maxExits = options.maxExits ?? 5;
  const windowMs = options.crashWindowMs ?? 60_000;
  const lastLines: string[] = [];
  const exits: number[] = [];
  const onLine = (line: string) => {
    lastLines.push(line);
    if (lastLines.length > 20) lastLines.shift();
    options.onLine?.(line);
  };
  const giveUp =
    options.onCrashLoop ??
    ((error: Error) => {
      console.error(`\n${error.message}`);
      void stopAll().finally(() => process.exit(1));
    });

  const first = await startService({ ...options, onLine });
  let current = first.child;
  options.onStart?.(current);

  function watch(child: ChildProcess) {
    child.once("exit", (code, signal) => {
      if (shuttingDown) return;
      const now = Date.now();
      exits.push(now);
      while (exits.length && exits[0]! < now - windowMs) exits.shift();
      if (exits.length >= maxExits) {
        giveUp(
          new Error(
            `${options.name} stopped ${exits.length} times within ${windowMs / 1000} s ` +
              `(last: ${signal ?? code}); not restarting it.\n` +
              `--- last ${options.name} output ---\n${lastLines.join("\n")}`,
          ),
        );
        return;
      }
      console.error(`[${options.name}] exited (${signal ?? code}); restarting`);
      // The exit event comes once the process is gone and its ports are closed; the pause only
      // keeps a service that dies at once from spinning the CPU before the loop check stops it.
      setTimeout(restart, RESTART_PAUSE_MS);
    });
  }

  function restart() {
    if (shuttingDown) return;
    const attempt = startService({ ...options, onLine });
    // startService registers the child synchronously; find it to watch its exit right away.
    const child = [...children].at(-1);
    if (!child) return;
    current = child;
    options.onStart?.(child);
    watch(child);
    // A failed start is one more exit, counted by watch(); the error itself adds nothing.
    attempt.catch(() => undefined);
  }

  watch(current);
  return {
    get child() {
      return current;
    },
    match: first.match,
  };
}
