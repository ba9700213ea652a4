import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { commitImport, previewImport } from "./commit-import";
import { parseImportFile } from "./parse-import";
import { fileSource } from "./read-file";

// One connection, as on a database that runs one transaction at a time: any query that goes
// around the import's transaction waits for that transaction to end, which never comes.
process.env.DATABASE_POOL_SIZE = "1";
withTestDatabase("incidents_one_connection");

const SAMPLE = path.join(__dirname, "../fixtures/ucdp-ged-candidate-26.0.7-mali-sample.csv");
const meta = {
  fileName: "ucdp-ged-candidate-26.0.7-mali-sample.csv",
  fileSize: 8265,
  datasetVersion: "26.0.7",
  accessDate: new Date("2026-11-20"),
};
const parseSample = () => parseImportFile(fileSource(SAMPLE, 1024), { expected: "UCDP_GED" });

/** Fails the test after `ms` instead of letting a stuck import hold it until the suite times out. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

describe("an import on a single database connection", () => {
  it("previews, commits and re-imports the UCDP sample without waiting on itself", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR"]);
    const editor = members.EDITOR;

    const preview = await within(5_000, previewImport(editor, await parseSample()));
    expect(preview).toMatchObject({ inserted: 12 });
    const first = await within(5_000, commitImport(editor, await parseSample(), meta));
    expect(first).toMatchObject({ inserted: 12, rejected: 0 });
    // The connection is free again: other users' queries get through.
    expect(await within(2_000, db.incident.count({ where: { workspaceId } }))).toBe(12);

    const again = await within(5_000, commitImport(editor, await parseSample(), meta));
    expect(again).toMatchObject({ inserted: 0, unchanged: 12 });
  });

  it("answers a second user's query as soon as the import has committed", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR"]);
    const importing = commitImport(members.EDITOR, await parseSample(), meta);
    const reading = db.incident.count({ where: { workspaceId } });
    const [committed, count] = await within(5_000, Promise.all([importing, reading]));
    expect(committed.inserted).toBe(12);
    // The reader queued behind the import; it saw either none of the rows or all of them.
    expect([0, 12]).toContain(count);
  });
});
