/**
 * Hostile-input benchmark (`npm run bench -- hostile`): the longest the web process's event
 * loop stands still (so every other user waits) while it takes in hostile and maximum-size
 * imports through the product's own code: source files of the 5 MB limit (crafted BibTeX,
 * blank lines, 2,000 real entries, RIS, CSL-JSON) and incident CSVs of the 100 MB limit
 * (cells at their length caps, a file that is one unterminated quoted field). Target: no
 * stall over 100 ms. Writes bench/results/hostile.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { db } from "../../lib/db";
import { ACLED_COLUMNS } from "../../lib/incidents/csv/columns";
import { NAME_MAX_CHARS, TEXT_MAX_CHARS } from "../../lib/incidents/csv/fields";
import { csvLine } from "../../lib/incidents/csv/write-csv";
import { previewImport } from "../../lib/incidents/import/commit-import";
import { MAX_IMPORT_BYTES, parseImportFile } from "../../lib/incidents/import/parse-import";
import { bytesSource } from "../../lib/incidents/import/read-file";
import type { Member } from "../../lib/policy/can";
import { importSources } from "../../lib/sources/import-sources";
import { IMPORT_MAX_BYTES } from "../../lib/sources/parse-import";
import { ms } from "../collab/stats";

const MB = 1024 * 1024;

/** Runs `work` and reports the longest gap between 5 ms ticks of the event loop meanwhile. */
async function stall(work: () => Promise<unknown>) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  histogram.enable();
  const started = performance.now();
  let outcome = "accepted";
  try {
    await work();
  } catch (error) {
    outcome = `refused (${(error as { code?: string }).code ?? (error as Error).message.slice(0, 40)})`;
  }
  const totalMs = performance.now() - started;
  clearInterval(ticker);
  histogram.disable();
  longest = Math.max(longest, performance.now() - last);
  return { totalMs, longestGapMs: longest, p99Ms: histogram.percentile(99) / 1e6, outcome };
}

function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.floor(bytes / unit.length));
}

function sourceFiles(): [string, string][] {
  const abstract = "Reporting on JNIM in the Kayes region, Nioro and Diéma cercles. ".repeat(38);
  const bib = Array.from(
    { length: 2000 },
    (_, i) =>
      `@article{k${i}, title={Kayes report ${i}}, author={Traoré, Aminata}, year={2024}, abstract={${abstract}}}\n`,
  ).join("");
  const ris = Array.from(
    { length: 2000 },
    (_, i) =>
      `TY  - RPRT\nTI  - Kayes report ${i}\nAU  - Diallo, Moussa\nPY  - 2024\nAB  - ${abstract}\nER  - \n`,
  ).join("");
  const csl = JSON.stringify(
    Array.from({ length: 2000 }, (_, i) => ({
      type: "report",
      title: `Kayes report ${i}`,
      abstract,
    })),
  );
  return [
    ["BibTeX: one entry then blank lines to 5 MB", `@a{x,}${fill("\n", IMPORT_MAX_BYTES - 10)}`],
    ["Text then blank lines to 5 MB (no format)", `x${fill("\n", IMPORT_MAX_BYTES - 10)}y`],
    ["BibTeX: blank lines with spaces and tabs to 5 MB", fill("\n \t", IMPORT_MAX_BYTES - 10)],
    ["BibTeX: one entry of 5 MB", `@article{big, title={${fill("x", IMPORT_MAX_BYTES - 40)}}}`],
    [`BibTeX: 2,000 real entries (${(bib.length / MB).toFixed(1)} MB)`, bib],
    [`RIS: 2,000 real entries (${(ris.length / MB).toFixed(1)} MB)`, ris],
    [`CSL-JSON: 2,000 items (${(csl.length / MB).toFixed(1)} MB)`, csl],
  ];
}

function incidentFiles(): [string, () => Uint8Array][] {
  const encoder = new TextEncoder();
  const capped = () => {
    const name = "J".repeat(NAME_MAX_CHARS);
    const note = "N".repeat(TEXT_MAX_CHARS);
    const row = (i: number) =>
      csvLine(
        ACLED_COLUMNS.map((c) =>
          c === "event_id_cnty"
            ? `MLI${i}`
            : c === "event_date"
              ? "2024-03-01"
              : c === "year"
                ? "2024"
                : c === "notes"
                  ? note
                  : c === "latitude"
                    ? "14.4"
                    : c === "longitude"
                      ? "-11.4"
                      : c === "fatalities"
                        ? "1"
                        : c === "time_precision" ||
                            c === "geo_precision" ||
                            c === "inter1" ||
                            c === "inter2" ||
                            c === "interaction"
                          ? "1"
                          : c === "timestamp"
                            ? "1700000000"
                            : c === "iso"
                              ? "466"
                              : name,
        ),
      );
    const lines = [csvLine(ACLED_COLUMNS)];
    let size = lines[0]!.length;
    for (let i = 0; size < MAX_IMPORT_BYTES - 30_000; i++) {
      lines.push(row(i));
      size += lines.at(-1)!.length;
    }
    return encoder.encode(lines.join(""));
  };
  const unterminated = () =>
    encoder.encode(`${csvLine(ACLED_COLUMNS)}MLI1,"${fill("x", MAX_IMPORT_BYTES - 2000)}`);
  const oversize = () => encoder.encode(fill("a,", MAX_IMPORT_BYTES + 1024));
  return [
    ["ACLED CSV of 100 MB, every cell at its length cap", capped],
    ["CSV of 100 MB that is one unterminated quoted field", unterminated],
    ["CSV over the 100 MB limit", oversize],
  ];
}

async function main() {
  const { createTestDatabase } = await import("../../lib/db/test-database");
  const database = await createTestDatabase("bench-hostile");
  process.env.DATABASE_URL = database.url;
  const rows: string[] = [];
  try {
    const workspace = await db.workspace.create({
      data: { slug: "bench-hostile", name: "Bench" },
      select: { id: true },
    });
    const user = await db.user.create({
      data: { email: "bench@hostile.test", name: "Bench" },
      select: { id: true },
    });
    await db.membership.create({
      data: { workspaceId: workspace.id, userId: user.id, role: "EDITOR" },
    });
    const member: Member = { userId: user.id, workspaceId: workspace.id, role: "EDITOR" };
    await stall(() => importSources(member, "@a{x, title={warm-up}}", false)); // JIT, pool
    for (const [label, text] of sourceFiles()) {
      const result = await stall(() => importSources(member, text, false));
      rows.push(
        `| Sources preview | ${label} | ${result.outcome} | ${ms(result.totalMs, 0)} | ${ms(result.longestGapMs)} | ${ms(result.p99Ms)} |`,
      );
      console.log(rows.at(-1));
    }
    for (const [label, make] of incidentFiles()) {
      const bytes = make();
      const result = await stall(async () => {
        const parsed = await parseImportFile(bytesSource(bytes), { expected: "ACLED" });
        await previewImport(member, parsed);
      });
      rows.push(
        `| Incident CSV parse + preview | ${label} | ${result.outcome} | ${ms(result.totalMs, 0)} | ${ms(result.longestGapMs)} | ${ms(result.p99Ms)} |`,
      );
      console.log(rows.at(-1));
    }
  } finally {
    await db.$disconnect();
    await database.drop();
  }
  const text = [
    "## Hostile and maximum-size imports: event-loop stalls",
    "",
    `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}. ` +
      "Each file goes through the product's own import code in this process; the longest gap between 5 ms timer ticks is how long every other request on the web process would have waited. Target: no stall over 100 ms.",
    "",
    "| import | file | outcome | total | longest stall | loop delay p99 |",
    "|---|---|---|---:|---:|---:|",
    ...rows,
  ].join("\n");
  mkdirSync(path.join(__dirname, "..", "results"), { recursive: true });
  writeFileSync(path.join(__dirname, "..", "results", "hostile.md"), `${text}\n`);
  console.log(text);
  process.exit(0);
}

void main();
