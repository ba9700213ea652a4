/**
 * The other user of the embedded-load benchmark: in its own process (so its parsing never
 * delays the typists' clocks), imports `BENCH_INCIDENT_ROWS` generated ACLED rows through the
 * real importer into the database at DATABASE_URL. Prints COMMIT_START when parsing is done
 * and the commit begins, then DONE <json>.
 */
import { db } from "../../lib/db";
import { commitImport } from "../../lib/incidents/import/commit-import";
import { parseImportFile } from "../../lib/incidents/import/parse-import";
import { bytesSource } from "../../lib/incidents/import/read-file";
import type { Member } from "../../lib/policy/can";
import { generateAcledCsv } from "../incidents/generate";

const ROWS = Number(process.env.BENCH_INCIDENT_ROWS ?? 100_000);

async function main() {
  const workspaceId = process.argv[2]!;
  const userId = process.argv[3]!;
  const member: Member = { userId, workspaceId, role: "EDITOR" };
  const csv = new TextEncoder().encode(generateAcledCsv(ROWS));
  const parsed = await parseImportFile(bytesSource(csv), { expected: "ACLED" });
  const meta = {
    fileName: "bench.csv",
    fileSize: csv.byteLength,
    datasetVersion: null,
    accessDate: new Date(),
  };
  console.log("COMMIT_START");
  const started = performance.now();
  const result = await commitImport(member, parsed, meta);
  const commitMs = performance.now() - started;
  console.log(`DONE ${JSON.stringify({ commitMs, inserted: result.inserted })}`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
