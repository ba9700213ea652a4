/**
 * `npm run bench`: runs every benchmark (`bench/<name>/main.ts`, each writing
 * `bench/results/<name>.md`), then assembles BENCHMARKS.md with the machine and the date.
 * `npm run bench -- collab` runs one; `npm run bench -- --assemble` only rebuilds the file. Benchmarks measure; they never fail the test suite.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BIN, ROOT, run } from "../lib/dev/processes";

const BENCH = path.join(ROOT, "bench");
const RESULTS = path.join(BENCH, "results");

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  const args = process.argv.slice(2);
  // --assemble: rebuild BENCHMARKS.md from the latest results without running anything.
  const assembleOnly = args.includes("--assemble");
  const wanted = args.filter((arg) => !arg.startsWith("--"));
  const suites = readdirSync(BENCH, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(BENCH, entry.name, "main.ts")))
    .map((entry) => entry.name)
    .filter((name) => !assembleOnly && (wanted.length === 0 || wanted.includes(name)));
  for (const suite of suites) {
    console.log(`\n== bench ${suite}`);
    await run(BIN("tsx"), [path.join(BENCH, suite, "main.ts")]).catch((error: unknown) => {
      console.error(`bench ${suite} failed:`, error);
    });
  }
  const sections = readdirSync(RESULTS)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => readFileSync(path.join(RESULTS, file), "utf8").trim());
  const header = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (each section notes when and on what it last ran). Each section states its",
    "targets; they are measured here, never asserted in timed unit tests.",
    "",
    `Last assembled: ${new Date().toISOString()} on ${machine()}.`,
  ].join("\n");
  writeFileSync(path.join(ROOT, "BENCHMARKS.md"), `${header}\n\n${sections.join("\n\n")}\n`);
  console.log("\nBENCHMARKS.md written.");
}

void main();
