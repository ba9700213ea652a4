/**
 * Embedded-default benchmark (`npm run bench -- embedded`): editors type while another user
 * imports 100k incident rows, on the embedded PostgreSQL that `npm start` runs and, for
 * reference, on the PostgreSQL 15 server. Reports keystroke → stored acknowledgement per
 * phase (target: p95 ≤ 50 ms while the import commits), the import's commit time, and the
 * embedded server's start time and memory. Writes bench/results/embedded.md.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "../../lib/db";
import { prepareDatabase } from "../../lib/dev/database";
import { freePort, ROOT, stopAll } from "../../lib/dev/processes";
import { startBenchServer } from "../collab/server-handle";
import { ms, percentile, sleep } from "../collab/stats";
import { startAcknowledgedTyping, type Typist } from "./acknowledged-typing";

const ORIGIN = "http://bench.briefroom.test";
const TYPISTS = Number(process.env.BENCH_TYPISTS ?? 3);
const KEYSTROKES_PER_SECOND = Number(process.env.BENCH_KEYSTROKES_PER_SECOND ?? 5);
const ROWS = Number(process.env.BENCH_INCIDENT_ROWS ?? 100_000);

type Target = { label: string; url: string; postmasterPid?: number; startMs?: number };

/** Resident memory of the postmaster and its backends, in MiB (shared buffers counted per process: an upper bound). */
function serverRssMiB(pid: number): number {
  const children = execFileSync("ps", ["-o", "rss=", "--ppid", String(pid)], { encoding: "utf8" });
  const own = execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" });
  const kib = `${own}\n${children}`.split("\n").map(Number).filter(Number.isFinite);
  return kib.reduce((a, b) => a + b, 0) / 1024;
}

async function embeddedTarget(dir: string): Promise<Target> {
  delete process.env.DATABASE_URL;
  process.env.EMBEDDED_DB_DIR = path.join(dir, "postgres");
  process.env.EMBEDDED_DB_PORT = String(await freePort());
  const started = performance.now();
  const url = await prepareDatabase(); // the same code path as `npm start`
  const startMs = performance.now() - started;
  const pid = Number(
    readFileSync(path.join(dir, "postgres", "postmaster.pid"), "utf8").split("\n")[0],
  );
  return {
    label: "Embedded PostgreSQL 17 (npm start's default)",
    url,
    postmasterPid: pid,
    startMs,
  };
}

async function serverTarget(): Promise<Target & { drop: () => Promise<void> }> {
  const { createTestDatabase } = await import("../../lib/db/test-database");
  const database = await createTestDatabase("bench-embedded");
  return { label: "PostgreSQL 15 server (reference)", url: database.url, drop: database.drop };
}

function importInBackground(url: string, workspaceId: string, userId: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "import-process.ts"), workspaceId, userId],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, BENCH_INCIDENT_ROWS: String(ROWS) },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines: ((line: string) => void)[] = [];
  let buffer = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      lines.forEach((listener) => listener(line));
    }
  });
  const line = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      lines.push((l) => l.startsWith(prefix) && resolve(l.slice(prefix.length)));
      child.once("exit", (code) => reject(new Error(`import exited (${code}) before ${prefix}`)));
    });
  return { commitStarted: line("COMMIT_START"), done: line("DONE ") };
}

type Phase = { name: string; p50: number; p95: number; p99: number; max: number; n: number };

async function measure(target: Target) {
  process.env.DATABASE_URL = target.url;
  const suffix = randomBytes(4).toString("hex");
  const workspace = await db.workspace.create({
    data: { slug: `bench-${suffix}`, name: "Bench" },
    select: { id: true },
  });
  const typists: Typist[] = [];
  for (let i = 0; i <= TYPISTS; i++) {
    const name = i === TYPISTS ? "Importer" : `Editor ${i}`;
    const user = await db.user.create({
      data: { email: `u${i}-${suffix}@bench.test`, name },
      select: { id: true },
    });
    await db.membership.create({
      data: { workspaceId: workspace.id, userId: user.id, role: "EDITOR" },
    });
    typists.push({ id: user.id, name });
  }
  const importer = typists.pop()!;
  const brief = await db.brief.create({
    data: {
      workspaceId: workspace.id,
      title: "Bench",
      language: "en",
      createdById: importer.id,
      updatedById: importer.id,
    },
    select: { id: true },
  });

  const server = await startBenchServer("ours", {
    DATABASE_URL: target.url,
    AUTH_SECRET: process.env.AUTH_SECRET,
    BENCH_ORIGIN: ORIGIN,
  });
  const typing = await startAcknowledgedTyping({
    url: server.url,
    briefId: brief.id,
    typists,
    origin: ORIGIN,
    keystrokesPerSecond: KEYSTROKES_PER_SECOND,
  });
  const memory: number[] = [];
  const sampler = target.postmasterPid
    ? setInterval(() => memory.push(serverRssMiB(target.postmasterPid!)), 500)
    : undefined;
  await sleep(3_000);
  typing.phase("no other work");
  await sleep(10_000);
  typing.phase("import parsing (another process)");
  const started = performance.now();
  const job = importInBackground(target.url, workspace.id, importer.id);
  await job.commitStarted;
  typing.phase("import committing");
  const done = JSON.parse(await job.done) as { commitMs: number; inserted: number };
  const totalMs = performance.now() - started;
  typing.phase("after the import");
  await sleep(5_000);
  const pending = typing.pending();
  await typing.stop();
  if (sampler) clearInterval(sampler);
  await server.stop();

  const phases: Phase[] = [];
  for (const [name, values] of typing.samples()) {
    if (name === "warm-up") continue;
    phases.push({
      name,
      n: values.length,
      p50: percentile(values, 50),
      p95: percentile(values, 95),
      p99: percentile(values, 99),
      max: Math.max(...values),
    });
  }
  return {
    target,
    phases,
    commitMs: done.commitMs,
    inserted: done.inserted,
    totalMs,
    pendingAtStop: pending,
    peakMiB: memory.length ? Math.max(...memory) : undefined,
    idleMiB: memory[0],
  };
}

async function main() {
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  const dir = mkdtempSync(path.join(os.tmpdir(), "briefroom-bench-embedded-"));
  const results = [];
  try {
    results.push(await measure(await embeddedTarget(dir)));
    await db.$disconnect();
    await stopAll();
    const reference = await serverTarget();
    results.push(await measure(reference));
    await db.$disconnect();
    await reference.drop();
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }

  const lines = [
    "## Embedded default under load",
    "",
    `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. ` +
      `${TYPISTS} editors type ${KEYSTROKES_PER_SECOND} keystrokes/s each through our collab server while another member imports ${ROWS.toLocaleString("en")} generated ACLED rows ` +
      "(parsed in its own process, then committed through the real importer). Latency: keystroke → the server's acknowledgement that it is stored, as the editor's \"Saved\" status sees it. Target: p95 ≤ 50 ms while the import commits.",
    "",
    "| database | phase | keystrokes | p50 | p95 | p99 | max |",
    "|---|---|---:|---:|---:|---:|---:|",
  ];
  for (const result of results) {
    for (const phase of result.phases) {
      lines.push(
        `| ${result.target.label} | ${phase.name} | ${phase.n} | ${ms(phase.p50)} | ${ms(phase.p95)} | ${ms(phase.p99)} | ${ms(phase.max)} |`,
      );
    }
  }
  lines.push(
    "",
    "| database | import commit | parse + commit | rows | server start + migrate | memory idle → peak |",
    "|---|---:|---:|---:|---:|---:|",
  );
  for (const r of results) {
    const start = r.target.startMs === undefined ? "(already running)" : ms(r.target.startMs, 0);
    const memory =
      r.peakMiB === undefined ? "—" : `${r.idleMiB!.toFixed(0)} → ${r.peakMiB.toFixed(0)} MiB`;
    lines.push(
      `| ${r.target.label} | ${(r.commitMs / 1000).toFixed(1)} s | ${(r.totalMs / 1000).toFixed(1)} s | ${r.inserted.toLocaleString("en")} | ${start} | ${memory} |`,
    );
  }
  lines.push(
    "",
    "Memory is the resident size of the postmaster and its backends added up, so shared buffers count once per process: an upper bound.",
  );
  mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench", "results", "embedded.md"), `${lines.join("\n")}\n`);
  console.log(lines.join("\n"));
  process.exit(0);
}

void main();
