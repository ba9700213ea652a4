import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { incidentTotals } from "../queries";
import { commitImport } from "./commit-import";
import { parseImportFile } from "./parse-import";
import { bytesSource } from "./read-file";
import { CHUNK } from "./stored-rows";

// One connection: what the import changes on its connection is what the next user gets.
process.env.DATABASE_POOL_SIZE = "1";
withTestDatabase("incidents_bulk_import");

const SAMPLE = readFileSync(path.join(__dirname, "../fixtures/acled-mali-sample.csv"), "utf8");
const [HEADER, ...BODY] = SAMPLE.split("\n");
const RECORDS = BODY.join("\n").trim();
const meta = {
  fileName: "acled-bulk.csv",
  fileSize: 1,
  datasetVersion: null,
  accessDate: new Date("2026-11-20"),
};

/** The sample's 5 rows, `copies` times over with their own ids (MLI8<copy><row>). */
function bulkCsv(copies: number): string {
  const lines = [HEADER];
  for (let copy = 0; copy < copies; copy++)
    lines.push(
      RECORDS.replace(
        /^MLI9000(\d),/gm,
        (_, row: string) => `MLI8${String(copy).padStart(4, "0")}${row},`,
      ),
    );
  return `${lines.join("\n")}\n`;
}

describe("an import of more rows than one statement writes", () => {
  it("stores every chunk, finds them all by free text, and leaves the connection's settings as they were", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR"]);
    const copies = Math.ceil((2 * CHUNK + 1) / 5); // three chunks, the last one short
    const parsed = await parseImportFile(bytesSource(bulkCsv(copies)), { expected: "ACLED" });
    expect(parsed.errors.slice(0, 1)).toEqual([]);

    const summary = await commitImport(members.EDITOR, parsed, meta);
    expect(summary).toMatchObject({ inserted: copies * 5, rejected: 0 });
    expect(await db.incident.count({ where: { workspaceId } })).toBe(copies * 5);
    expect(await db.incidentRaw.count({ where: { incident: { workspaceId } } })).toBe(copies * 5);

    // "Sadiola" is in one row of the sample's five: once per copy, in every chunk.
    expect(await incidentTotals(members.EDITOR, { q: "Sadiola" })).toMatchObject({
      count: copies,
    });
    const first = await db.incident.findFirstOrThrow({
      where: { workspaceId, externalId: "MLI800003" },
      select: { rawRow: { select: { raw: true } } },
    });
    expect(first.rawRow?.raw).toMatchObject({ event_id_cnty: "MLI800003" });

    // The import's SET LOCALs ended with its transaction: the pool's one connection is back
    // to the server's defaults for whoever uses it next.
    const changed = await db.$queryRaw<{ name: string }[]>`
      SELECT name FROM pg_settings
      WHERE name IN ('gin_pending_list_limit', 'work_mem') AND setting <> reset_val`;
    expect(changed).toEqual([]);
  });
});
