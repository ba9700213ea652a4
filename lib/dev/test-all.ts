/**
 * `npm test`: every suite, in order — Prisma client, lint, typecheck, formatting, Vitest (unit
 * and integration on real PostgreSQL), a production build, Playwright in Chromium — then one
 * closing line `N passed, N failed, N skipped` totalling all of them. Exits non-zero on any
 * failure. A suite that cannot run at all counts as one failure, never as zero tests.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { generatePrismaClient } from "./database";
import { BIN, ROOT, freePort, run, type Env } from "./processes";

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const TMP = path.join(ROOT, ".tmp");

function add(name: string, tally: Tally) {
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  if (tally.failed > 0) failures.push(`${name}: ${tally.failed} failed`);
  console.log(
    `\n== ${name}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`,
  );
}

/** A check that passes or fails as one test (lint, typecheck, formatting, build). */
async function check(name: string, command: string, args: string[], env?: Env) {
  console.log(`\n== ${name}: ${[path.basename(command), ...args].join(" ")}`);
  try {
    await run(command, args, env);
    add(name, { passed: 1, failed: 0, skipped: 0 });
    return true;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    add(name, { passed: 0, failed: 1, skipped: 0 });
    return false;
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function vitest() {
  const out = path.join(TMP, "vitest.json");
  rmSync(out, { force: true });
  await run(BIN("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]).catch(() => undefined);
  const report = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numTotalTests: number;
    success: boolean;
  }>(out);
  if (!report || report.numTotalTests === 0)
    return add("vitest", { passed: 0, failed: 1, skipped: 0 });
  const failedSuites = report.success || report.numFailedTests > 0 ? 0 : 1; // a file that failed to load
  add("vitest", {
    passed: report.numPassedTests,
    failed: report.numFailedTests + failedSuites,
    skipped: report.numPendingTests + report.numTodoTests,
  });
}

/**
 * Playwright in Chromium against one database: "postgres" (a fresh database on the test
 * server) or "embedded" (the embedded default, started by the same code as `npm start`).
 */
async function playwright(built: boolean, database: "postgres" | "embedded") {
  const name = database === "postgres" ? "playwright" : "playwright (embedded default)";
  if (!built) return add(name, { passed: 0, failed: 1, skipped: 0 });
  const out = path.join(TMP, `playwright-${database}.json`);
  rmSync(out, { force: true });
  const env = {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    E2E_PORT: String(await freePort()),
    E2E_COLLAB_PORT: String(await freePort()),
    E2E_DATABASE: database,
  };
  await run(BIN("playwright"), ["test", "--reporter=list,json"], env).catch(() => undefined);
  const report = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  }>(out);
  if (!report) return add(name, { passed: 0, failed: 1, skipped: 0 });
  const { expected, unexpected, flaky, skipped } = report.stats;
  const setupErrors = report.errors?.length ? 1 : 0;
  add(name, { passed: expected + flaky, failed: unexpected + setupErrors, skipped });
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  mkdirSync(TMP, { recursive: true });
  const only = process.argv.slice(2);
  const want = (suite: string) => only.length === 0 || only.includes(suite);

  await generatePrismaClient().catch((error) => {
    console.error(error);
    add("prisma generate", { passed: 0, failed: 1, skipped: 0 });
  });
  if (want("check")) {
    await check("lint", BIN("eslint"), ["--max-warnings=0", "."]);
    await check("typecheck", BIN("tsc"), ["--noEmit"]);
    await check("format", BIN("prettier"), ["--check", "."]);
  }
  if (want("unit")) await vitest();
  if (want("e2e") || want("e2e-embedded")) {
    // The e2e server signs its own sessions; the build only needs a placeholder secret.
    const built = await check("build", BIN("next"), ["build"], {
      AUTH_SECRET: "build-time-placeholder-secret-0123456789",
    });
    if (want("e2e")) await playwright(built, "postgres");
    await playwright(built, "embedded");
  }

  if (failures.length) console.log(`Failed: ${failures.join("; ")}`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(total.failed > 0 ? 1 : 0);
}

void main();
