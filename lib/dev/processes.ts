import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const BIN = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** Extra environment for a child; merged over ours. (Not NodeJS.ProcessEnv: Next makes NODE_ENV required there.) */
export type Env = Record<string, string | undefined>;

const children = new Set<ChildProcess>();

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

type ServiceOptions = {
  name: string;
  command: string;
  args: string[];
  env?: Env;
  /** Resolves once a line of output matches; the match is returned. */
  ready: RegExp;
  timeoutMs?: number;
  /** Echo the service's output, prefixed with its name. */
  echo?: boolean;
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
    function onData(chunk: Buffer) {
      const text = chunk.toString();
      if (options.echo) {
        for (const line of text.split("\n"))
          if (line.trim()) console.log(`[${options.name}] ${line}`);
      }
      if (settled) return;
      output += text;
      const match = output.match(options.ready);
      if (match) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, match });
      }
    }
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
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

/** Stops every service this process started; called on exit and on signals. */
export async function stopAll(): Promise<void> {
  const waits = [...children].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  );
  await Promise.all(waits);
}

export function stopAllOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void stopAll().finally(() => process.exit(0));
    });
  }
}

/** The collaboration server (`lib/collab/main.ts`), once it says it accepts connections. */
export async function startCollab(env: Env, echo = false): Promise<void> {
  await startService({
    name: "collab",
    // node --import tsx, not the tsx CLI: the CLI runs a child, which a kill would orphan.
    command: process.execPath,
    args: ["--import", "tsx", path.join(ROOT, "lib/collab/main.ts")],
    env,
    ready: /COLLAB_READY/,
    echo,
  });
}
