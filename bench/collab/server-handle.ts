import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type ServerReport = {
  connections: number;
  documents: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  rssMiB: number;
  heapUsedMiB: number;
  /** CPU time (user + system) the server process used since measure(). */
  cpuMs: number;
  wallMs: number;
};

export type BenchServer = {
  url: string;
  measure(): void;
  report(afterGc?: boolean): Promise<ServerReport>;
  stop(): Promise<void>;
};

const ROOT = path.resolve(__dirname, "..", "..");

export type ServerKind = "ours" | "ours-early" | "vanilla" | "y-websocket";

/** Starts bench/collab/server-process.ts (node --import tsx, one process) and waits for READY. */
// Not NodeJS.ProcessEnv: Next.js declares NODE_ENV required there.
export function startBenchServer(
  kind: ServerKind,
  env: Record<string, string | undefined>,
): Promise<BenchServer> {
  // BENCH_CPU_PROF=<dir>: V8 CPU profiles of our servers (node --cpu-prof), written on exit.
  const profile =
    process.env.BENCH_CPU_PROF && kind.startsWith("ours")
      ? [
          "--cpu-prof",
          `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`,
          `--cpu-prof-name=${kind}-${Date.now()}.cpuprofile`,
        ]
      : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, "--expose-gc", "--import", "tsx", path.join(__dirname, "server-process.ts"), kind],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  let buffer = "";
  const waiters: Array<{ prefix: string; resolve: (rest: string) => void }> = [];
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      const waiter = waiters.find((w) => line.startsWith(w.prefix));
      if (waiter) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line.slice(waiter.prefix.length));
      }
    }
  });
  const next = (prefix: string) =>
    new Promise<string>((resolve) => waiters.push({ prefix, resolve }));
  const send = (line: string) => child.stdin!.write(`${line}\n`);

  return next("READY ").then((port) => ({
    url: `ws://127.0.0.1:${port.trim()}`,
    measure: () => send("measure"),
    report: async (afterGc = false) => {
      const reply = next("REPORT ");
      send(afterGc ? "report-after-gc" : "report");
      return JSON.parse(await reply) as ServerReport;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        send("stop");
      }),
  }));
}
