/**
 * Incident benchmark (`npm run bench -- incidents`): imports 100k generated ACLED-format rows
 * through the real importer, then measures the browser's queries through our query layer
 * (lib/incidents, Prisma): filter + aggregate, monthly series, free-text search in English,
 * French and Arabic, a browser page's data. Writes bench/results/incidents.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "../../lib/db";
import { commitImport } from "../../lib/incidents/import/commit-import";
import { parseImportFile } from "../../lib/incidents/import/parse-import";
import { bytesSource } from "../../lib/incidents/import/read-file";
import {
  filterOptions,
  incidentSeries,
  incidentTotals,
  listIncidents,
} from "../../lib/incidents/queries";
import { listParamsSchema, type IncidentFilter } from "../../lib/incidents/query-schema";
import type { Member } from "../../lib/policy/can";
import { ms, percentile } from "../collab/stats";
import { generateAcledCsv } from "./generate";

const ROWS = Number(process.env.BENCH_INCIDENT_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 100);

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

async function p95(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await work(); // warm-up: plans cached, pages in memory
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push((await time(work))[0]);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main() {
  const { createTestDatabase } = await import("../../lib/db/test-database");
  const database = await createTestDatabase("bench-incidents");
  process.env.DATABASE_URL = database.url;
  try {
    const workspace = await db.workspace.create({
      data: { slug: "bench-incidents", name: "Bench" },
      select: { id: true },
    });
    const user = await db.user.create({
      data: { email: "bench@incidents.test", name: "Bench" },
      select: { id: true },
    });
    await db.membership.create({
      data: { workspaceId: workspace.id, userId: user.id, role: "EDITOR" },
    });
    const member: Member = { userId: user.id, workspaceId: workspace.id, role: "EDITOR" };

    const csv = new TextEncoder().encode(generateAcledCsv(ROWS));
    const meta = {
      fileName: "bench.csv",
      fileSize: csv.byteLength,
      datasetVersion: null,
      accessDate: new Date(),
    };
    const [parseMs, parsed] = await time(() =>
      parseImportFile(bytesSource(csv), { expected: "ACLED" }),
    );
    const [commitMs, imported] = await time(() => commitImport(member, parsed, meta));
    const [reimportMs, reimported] = await time(async () =>
      commitImport(member, await parseImportFile(bytesSource(csv), { expected: "ACLED" }), meta),
    );
    // What autovacuum does shortly after a bulk load; index-only scans need the visibility map.
    const [vacuumMs] = await time(() => db.$executeRawUnsafe("VACUUM ANALYZE incidents"));

    const kayesJnim: IncidentFilter = {
      admin1: "Kayes",
      actor: "JNIM",
      from: "2021-01-01",
      to: "2024-12-31",
    };
    const quarter: IncidentFilter = { from: "2024-01-01", to: "2025-12-31" };
    const measures: [string, () => Promise<unknown>][] = [
      [
        "Filter + aggregate: count and fatalities (Kayes, JNIM, 2021–2024)",
        () => incidentTotals(member, kayesJnim),
      ],
      [
        "Filter + aggregate: per-year series (Kayes, JNIM, 2021–2024)",
        () => incidentSeries(member, kayesJnim, "year"),
      ],
      [
        "Monthly series over 2024–2025 (about a third of the table)",
        () => incidentSeries(member, quarter, "month"),
      ],
      ['Free text, English: "Sadiola" (a village)', () => incidentTotals(member, { q: "Sadiola" })],
      [
        'Free text, French alias: "GSIM" (→ JNIM\'s names)',
        () => incidentTotals(member, { q: "GSIM" }),
      ],
      [
        'Free text, English: "JNIM" (in the text of ≈ 60 % of the rows)',
        () => incidentTotals(member, { q: "JNIM" }),
      ],
      [
        'Free text, Arabic: "نصرة الإسلام" (→ JNIM\'s names)',
        () => incidentTotals(member, { q: "نصرة الإسلام" }),
      ],
      ['Free text, Arabic place: "كاي" (→ Kayes)', () => incidentTotals(member, { q: "كاي" })],
      [
        "Browser page data (list page 1 + totals + yearly series + options), Kayes",
        () =>
          Promise.all([
            listIncidents(member, listParamsSchema.parse({ admin1: "Kayes" })),
            incidentSeries(member, { admin1: "Kayes" }, "year"),
            filterOptions(member),
          ]),
      ],
      [
        'Browser page data, free text "GSIM" (list page 1 + totals + yearly series + options)',
        () =>
          Promise.all([
            listIncidents(member, listParamsSchema.parse({ q: "GSIM" })),
            incidentSeries(member, { q: "GSIM" }, "year"),
            filterOptions(member),
          ]),
      ],
    ];
    const results: string[] = [];
    for (const [label, work] of measures) {
      const { p50, p95: high } = await p95(work);
      results.push(`| ${label} | ${ms(p50)} | ${ms(high)} |`);
      console.log(label, ms(p50), ms(high));
    }
    const counts = await incidentTotals(member, kayesJnim);

    const lines = [
      "## Incident data: import and search queries",
      "",
      `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, PostgreSQL via \`${database.embedded ? "embedded PostgreSQL 17" : "TEST_DATABASE_URL / 127.0.0.1:5432"}\`. `,
      `${ROWS.toLocaleString("en")} generated ACLED-format incidents (bench/incidents/generate.ts), one workspace. Queries go through lib/incidents (Prisma 7 + adapter-pg), ${RUNS} runs each after 5 warm-up runs.`,
      "",
      "### Import",
      "",
      "| step | time | rows |",
      "| --- | --- | --- |",
      `| parse + check ${(csv.byteLength / 1024 / 1024).toFixed(1)} MB CSV (streaming) | ${ms(parseMs, 0)} | ${parsed.totalRows} read, ${parsed.rejected} rejected |`,
      `| commit (one transaction) | ${ms(commitMs, 0)} | ${imported.inserted} inserted |`,
      `| **total import** (target ≤ 60 s) | **${ms(parseMs + commitMs, 0)}** | ${Math.round(ROWS / ((parseMs + commitMs) / 1000)).toLocaleString("en")} rows/s |`,
      `| VACUUM ANALYZE after the load (autovacuum's job) | ${ms(vacuumMs, 0)} | |`,
      `| re-import of the same file (no-op) | ${ms(reimportMs, 0)} | ${reimported.unchanged} unchanged, ${reimported.updated} updated |`,
      "",
      "### Queries (targets: filter + aggregate p95 ≤ 20 ms, free text p95 ≤ 50 ms)",
      "",
      "| query | p50 | p95 |",
      "| --- | --- | --- |",
      ...results,
      "",
      `Kayes + JNIM + 2021–2024 selects ${counts.count.toLocaleString("en")} incidents (${counts.fatalities.toLocaleString("en")} fatalities). Free text is LIKE '%…%' on a normalized column with a pg_trgm GIN index; names are expanded through the actor/place gazetteers first, so one query may OR several terms.`,
      "",
      "Free text that names a big share of the table (JNIM is on ≈ 40 % of the generated rows, Kayes ≈ 20 %) misses the 50 ms target: counting it visits every matching row. Selective terms meet it. Measured on a machine shared with other builds and tests (the import took 35–58 s across runs).",
    ];
    const out = path.join(__dirname, "..", "results");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "incidents.md"), `${lines.join("\n")}\n`);
    console.log(lines.join("\n"));
  } finally {
    await db.$disconnect();
    // BENCH_KEEP_DB=1 leaves the database for EXPLAIN sessions.
    if (process.env.BENCH_KEEP_DB === "1") console.log(`kept ${database.url}`);
    else await database.drop();
  }
}

void main();
