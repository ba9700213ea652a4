import { Gauge, type Registry } from "prom-client";
import { db } from "../db";

type Row = {
  dataset: string;
  batches: bigint;
  inserted: bigint;
  updated: bigint;
  rejected: bigint;
  removed: bigint;
  last: Date | null;
};

/**
 * Incident imports as the database records them (one import_batches row per committed import),
 * read when scraped, so every web instance reports the desk's whole history and a restarted
 * instance does not start again from zero: imports and rows by dataset and outcome, and the
 * time of the latest. How long an import request takes is in the HTTP histogram, under
 * /api/incidents/:workspace/import.
 */
export function registerImportMetrics(registry: Registry): void {
  let rows: Promise<Row[]> | null = null;
  // The gauges are collected side by side in one scrape: one query serves them all.
  const read = () => {
    if (!rows) {
      rows = db.$queryRawUnsafe<Row[]>(
        `SELECT dataset::text AS dataset, count(*) AS batches, sum(inserted) AS inserted,
                sum(updated) AS updated, sum(rejected) AS rejected, sum(removed) AS removed,
                max(created_at) AS last
           FROM import_batches GROUP BY dataset`,
      );
      const clear = () => (rows = null);
      rows.then(clear, clear);
    }
    return rows;
  };
  const registers = [registry];
  new Gauge({
    name: "briefroom_import_batches",
    help: "Committed incident imports, by dataset.",
    labelNames: ["dataset"],
    registers,
    async collect() {
      this.reset();
      for (const row of await read()) this.set({ dataset: row.dataset }, Number(row.batches));
    },
  });
  new Gauge({
    name: "briefroom_import_rows",
    help: "Rows written by committed incident imports, by dataset and outcome.",
    labelNames: ["dataset", "outcome"],
    registers,
    async collect() {
      this.reset();
      for (const row of await read()) {
        for (const outcome of ["inserted", "updated", "rejected", "removed"] as const) {
          this.set({ dataset: row.dataset, outcome }, Number(row[outcome] ?? 0));
        }
      }
    },
  });
  new Gauge({
    name: "briefroom_import_last_timestamp_seconds",
    help: "When the latest incident import was committed (Unix time), by dataset.",
    labelNames: ["dataset"],
    registers,
    async collect() {
      this.reset();
      for (const row of await read()) {
        if (row.last) this.set({ dataset: row.dataset }, row.last.getTime() / 1000);
      }
    },
  });
}
