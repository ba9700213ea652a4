// Backup while editing goes on, restore into an empty server, compare what matters: the
// briefs' Yjs state, the published versions and their hashes, the imports; and the restored
// database still refuses to rewrite a published version, to the app's role and the owner alike.
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import pg from "pg";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { UpdateLogWriter } from "@/lib/collab/update-log";
import { errorCode, withDatabase } from "@/lib/db/connection-string";
import {
  embeddedBinaries,
  startDisposableServer,
  type DisposableServer,
} from "@/lib/db/disposable-server";
import { ensureDatabaseExists, migrateDeploy } from "@/lib/db/migrate";
import { asRole, grantRuntimeRole, RUNTIME_ROLE } from "@/lib/db/runtime-role";
import { loadBriefState, storedStateAsUpdate } from "@/lib/documents/stored-state";
import { commitImport } from "@/lib/incidents/import/commit-import";
import { parseImportFile } from "@/lib/incidents/import/parse-import";
import { fileSource } from "@/lib/incidents/import/read-file";
import { freezeBrief } from "@/lib/publishing/freeze";
import { briefWithContent, doc, para } from "@/lib/publishing/test-helpers";
import { createVersion } from "@/lib/publishing/versions";
import { workspaceWith } from "@/lib/test/factories";
import { ensureRole } from "../deploy/ensure-role";
import { backup, restore } from "./backup";

const SAMPLE = path.join(
  __dirname,
  "../../incidents/fixtures/ucdp-ged-candidate-26.0.7-mali-sample.csv",
);
const servers: DisposableServer[] = [];
const dir = mkdtempSync(path.join(tmpdir(), "briefroom-backup-"));
let target: DisposableServer;

/** The product's client on the database at `url` (the tests switch between servers). */
async function pointDbAt(url: string): Promise<void> {
  if (process.env.DATABASE_URL) await db.$disconnect();
  process.env.DATABASE_URL = url;
}

afterAll(async () => {
  if (process.env.DATABASE_URL) await db.$disconnect();
  for (const server of servers) await server.dispose();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function server(binaries?: Parameters<typeof startDisposableServer>[0]) {
  const started = await startDisposableServer(binaries);
  servers.push(started);
  return started;
}

/** A migrated database with a published brief, an import, and a brief being edited. */
async function desk(url: string): Promise<{ editedBriefId: string; writer: UpdateLogWriter }> {
  await ensureDatabaseExists(url);
  await migrateDeploy(url);
  await ensureRole(url, RUNTIME_ROLE);
  await grantRuntimeRole(url, RUNTIME_ROLE);
  await pointDbAt(url);
  const { members } = await workspaceWith(["APPROVER", "EDITOR"]);
  const approver = members.APPROVER;
  const published = await briefWithContent(approver, doc(para("Kayes: la route est coupée.")));
  const frozen = await freezeBrief(approver, published);
  await createVersion(db, {
    briefId: published,
    frozen,
    approvedById: approver.userId,
    approvedAt: new Date(),
    publishedById: approver.userId,
  });
  await commitImport(
    members.EDITOR,
    await parseImportFile(fileSource(SAMPLE, 1024), { expected: "UCDP_GED" }),
    { fileName: "sample.csv", fileSize: 8265, datasetVersion: "26.0.7", accessDate: new Date() },
  );
  const editedBriefId = await briefWithContent(members.EDITOR, doc(para("Draft.")));
  return { editedBriefId, writer: new UpdateLogWriter(db) };
}

/** Appends a paragraph per tick to the brief's update log until `stop` is called. */
function keepEditing(writer: UpdateLogWriter, briefId: string) {
  const replica = new Y.Doc();
  let running = true;
  let written = 0;
  const loop = (async () => {
    while (running) {
      const before = Y.encodeStateVector(replica);
      replica.transact(() => {
        const p = new Y.XmlElement("paragraph");
        p.insert(0, [new Y.XmlText(`live ${written}`)]);
        replica.getXmlFragment("default").push([p]);
      });
      await writer.append(briefId, Y.encodeStateAsUpdate(replica, before), null);
      written++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    get written() {
      return written;
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}

type Facts = {
  versions: { id: string; content_hash: string }[];
  batches: { id: string; inserted: number }[];
  incidents: { id: string; content_hash: string }[];
  briefs: { id: string; state: string }[];
};

async function facts(url: string): Promise<Facts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    const briefIds = await q<{ id: string }>("SELECT id FROM briefs ORDER BY id");
    await pointDbAt(url);
    const briefs = [];
    for (const { id } of briefIds) {
      const replica = new Y.Doc();
      Y.applyUpdate(replica, storedStateAsUpdate(await loadBriefState(id)));
      briefs.push({ id, state: JSON.stringify(replica.getXmlFragment("default").toJSON()) });
    }
    return {
      versions: await q("SELECT id, content_hash FROM brief_versions ORDER BY id"),
      batches: await q("SELECT id, inserted FROM import_batches ORDER BY id"),
      incidents: await q("SELECT id, content_hash FROM incidents ORDER BY id"),
      briefs,
    };
  } finally {
    await client.end();
  }
}

async function refusalOfRewrite(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("UPDATE brief_versions SET title = 'forged'");
    return undefined;
  } catch (error) {
    return `${errorCode(error)} ${error instanceof Error ? error.message : ""}`;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  target = await server();
}, 120_000);

describe.each([
  ["PostgreSQL 15 (pg_dump custom format)", undefined, "pg_dump-custom"],
  ["the embedded default's PostgreSQL 17 (portable data dump)", embeddedBinaries, "briefroom-data"],
] as const)("backup and restore of %s", (_label, binaries, format) => {
  it("restores the briefs, versions and imports as they were, and the protections with them", async () => {
    const source = await server(binaries ? await binaries() : undefined);
    const sourceUrl = withDatabase(source.url, "briefroom");
    const { editedBriefId, writer } = await desk(sourceUrl);

    const editing = keepEditing(writer, editedBriefId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const file = path.join(dir, `${format}.dump`);
    const writtenBefore = editing.written;
    const made = await backup(sourceUrl, file);
    const writtenDuring = editing.written;
    await editing.stop();
    expect(made.format).toBe(format);
    expect(writtenDuring).toBeGreaterThan(writtenBefore); // editing went on meanwhile

    const targetUrl = withDatabase(target.url, `restored_${format.replace(/\W/g, "_")}`);
    expect((await restore(targetUrl, file)).format).toBe(format);

    const [before, after] = [await facts(sourceUrl), await facts(targetUrl)];
    expect(after.versions).toEqual(before.versions);
    expect(after.versions).toHaveLength(1);
    expect(after.batches).toEqual(before.batches);
    expect(after.incidents).toEqual(before.incidents);
    expect(after.incidents).toHaveLength(12);
    // Every brief but the one being edited is exactly as it was; that one holds a
    // consistent prefix of the live edits: all up to the dump's start, none torn.
    const others = (f: Facts) => f.briefs.filter((b) => b.id !== editedBriefId);
    expect(others(after)).toEqual(others(before));
    const live = (f: Facts) =>
      (JSON.parse(f.briefs.find((b) => b.id === editedBriefId)!.state) as string).match(
        /live \d+/g,
      ) ?? [];
    const restoredLive = live(after);
    expect(restoredLive.length).toBeGreaterThanOrEqual(writtenBefore);
    expect(restoredLive).toEqual(live(before).slice(0, restoredLive.length));

    // Still immutable after the restore: the app's role may not, the owner's triggers refuse.
    expect(await refusalOfRewrite(asRole(targetUrl, RUNTIME_ROLE))).toMatch(/^42501/);
    expect(await refusalOfRewrite(targetUrl)).toMatch(/published versions are immutable/);
  }, 240_000);
});
