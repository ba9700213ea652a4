/**
 * The database going away under two editors, end to end: a PostgreSQL of this test's own
 * (never the shared one) is stopped while the real collab process serves two real clients,
 * then started again. On Debian's PostgreSQL 15 and on the embedded default's PostgreSQL 17.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "../db";
import { withDatabase } from "../db/connection-string";
import {
  DEBIAN_POSTGRES,
  embeddedBinaries,
  startDisposableServer,
  type DisposableServer,
} from "../db/disposable-server";
import type { PostgresBinaries } from "../db/embedded-binaries";
import { ensureDatabaseExists, migrateDeploy } from "../db/migrate";
import { asRole, grantRuntimeRole, RUNTIME_ROLE } from "../db/runtime-role";
import { applyStoredState, loadBriefState } from "../documents/stored-state";
import { watchDatabaseOutage } from "./database-outage-watch";
import { STORAGE_PENDING_SIGNAL } from "./storage-pending";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import {
  appendParagraph,
  connectClient,
  paragraphs,
  startCollabProcess,
  TEST_AUTH_SECRET,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type CollabProcess,
  type TestClient,
} from "./test-clients";

let postgres: DisposableServer | undefined;
let databaseUrl: string;
/** The collab server connects as the app's runtime role, as it does in production. */
let runtimeUrl: string;
let brief: TestBrief;
const processes: CollabProcess[] = [];
const clients: TestClient[] = [];

async function startCollab(): Promise<CollabProcess> {
  const started = await startCollabProcess({ DATABASE_URL: runtimeUrl, COLLAB_PORT: "0" });
  processes.push(started);
  return started;
}

async function connect(
  collab: CollabProcess,
  briefId: string,
  who: keyof TestBrief["users"],
): Promise<TestClient> {
  const role = who === "outsider" ? "VIEWER" : who;
  const client = await connectClient({ url: collab.url, briefId, user: brief.users[who], role });
  clients.push(client);
  return client;
}

/** What the database holds for a brief, read by this test process, not the collab server. */
async function storedParagraphs(briefId: string): Promise<string[]> {
  const doc = new Y.Doc();
  applyStoredState(doc, await loadBriefState(briefId));
  const stored = paragraphs(doc);
  doc.destroy();
  return stored;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SERVERS: Array<[string, () => Promise<PostgresBinaries>]> = [
  ["Debian's PostgreSQL 15", async () => DEBIAN_POSTGRES],
  ["the embedded PostgreSQL 17", embeddedBinaries],
];

describe.each(SERVERS)(
  "the database going away while two editors type, on %s",
  (_label, binaries) => {
    beforeAll(async () => {
      postgres = await startDisposableServer(await binaries());
      expect(postgres.port).not.toBe(5432);
      databaseUrl = withDatabase(postgres.url, "briefroom_outage");
      await ensureDatabaseExists(databaseUrl);
      await migrateDeploy(databaseUrl);
      await grantRuntimeRole(databaseUrl, RUNTIME_ROLE, { create: true });
      runtimeUrl = asRole(databaseUrl, RUNTIME_ROLE);
      process.env.DATABASE_URL = databaseUrl;
      process.env.AUTH_SECRET = TEST_AUTH_SECRET;
      brief = await createBriefWithMembers();
    }, 120_000);

    afterAll(async () => {
      for (const client of clients.splice(0)) client.destroy();
      await Promise.all(processes.splice(0).map((collab) => collab.kill("SIGKILL")));
      await db.$disconnect().catch(() => undefined);
      await postgres?.dispose();
    }, 60_000);

    it("acknowledges nothing it could not store, keeps both editors connected, and stores every edit once the database is back", async () => {
      const collab = await startCollab();
      const a = await connect(collab, brief.briefId, "EDITOR");
      const b = await connect(collab, brief.briefId, "ADMIN");
      // A reader who only watches: nothing of its own waits for the database.
      const reader = await connect(collab, brief.briefId, "VIEWER");
      const heard = { a: [] as string[], b: [] as string[], reader: [] as string[] };
      a.provider.on("stateless", ({ payload }: { payload: string }) => heard.a.push(payload));
      b.provider.on("stateless", ({ payload }: { payload: string }) => heard.b.push(payload));
      reader.provider.on("stateless", ({ payload }: { payload: string }) =>
        heard.reader.push(payload),
      );
      await Promise.all([waitSynced(a), waitSynced(b), waitSynced(reader)]);
      // What the browser's editor watches to say "Not saved – database unavailable".
      const outage = {
        a: watchDatabaseOutage(a.provider),
        reader: watchDatabaseOutage(reader.provider),
      };

      const before = ["A before: Kayes road open", "B before: مركز الشرطة"];
      appendParagraph(a.doc, before[0]!);
      appendParagraph(b.doc, before[1]!);
      await Promise.all([waitAcknowledged(a), waitAcknowledged(b)]);

      await postgres!.stop("immediate");

      // Both keep typing for longer than the collab server's 10 s "still waiting" interval.
      const during: string[] = [];
      const startedAt = Date.now();
      for (let round = 0; Date.now() - startedAt < 12_000; round += 1) {
        const lines = [`A during ${round}: Nioro du Sahel`, `B during ${round}: Diéma cercle`];
        appendParagraph(a.doc, lines[0]!);
        appendParagraph(b.doc, lines[1]!);
        during.push(...lines);
        for (let tick = 0; tick < 10; tick += 1) {
          // Never "Saved" for an edit the database does not have.
          expect(a.provider.hasUnsyncedChanges).toBe(true);
          expect(b.provider.hasUnsyncedChanges).toBe(true);
          await sleep(100);
        }
      }
      expect(collab.child.exitCode).toBeNull();
      expect(collab.child.signalCode).toBeNull();
      // Nothing unstored reached the other editor either.
      expect(paragraphs(b.doc).filter((line) => line.startsWith("A during"))).toEqual([]);
      expect(paragraphs(a.doc).filter((line) => line.startsWith("B during"))).toEqual([]);
      // The server told the brief's clients an edit is waiting, which also keeps their
      // providers from timing out and reconnecting.
      expect(heard.a).toContain(STORAGE_PENDING_SIGNAL);
      expect(heard.b).toContain(STORAGE_PENDING_SIGNAL);
      expect(heard.reader).toContain(STORAGE_PENDING_SIGNAL);
      expect(outage.a.unavailable).toBe(true);
      expect(outage.reader.unavailable).toBe(false); // nothing of the reader's is unsaved
      expect(collab.output()).toContain("the database is unreachable");

      await postgres!.start();
      await Promise.all([waitAcknowledged(a, 30_000), waitAcknowledged(b, 30_000)]);
      const everything = [...before, ...during];
      await waitFor(
        () =>
          everything.every((line) => paragraphs(a.doc).includes(line)) &&
          paragraphs(a.doc).join("|") === paragraphs(b.doc).join("|"),
        "both editors to hold every edit",
        15_000,
      );
      // Editing resumed on the same connections: no reconnect, no reload.
      expect(a.closeCodes).toEqual([]);
      expect(b.closeCodes).toEqual([]);
      expect(reader.closeCodes).toEqual([]);
      expect(outage.a.unavailable).toBe(false);
      await waitFor(
        () => paragraphs(reader.doc).join("|") === paragraphs(a.doc).join("|"),
        "the reader to see every edit",
      );
      expect(collab.output()).toMatch(/the database is back after [\d.]+ s/);
      // main.ts logs every unhandled rejection instead of dying: there must have been none.
      expect(collab.output()).not.toContain("unhandled rejection");

      appendParagraph(a.doc, "A after: back to normal");
      await waitAcknowledged(a);
      await waitFor(
        () => paragraphs(b.doc).includes("A after: back to normal"),
        "the edit after recovery to reach B",
      );
      everything.push("A after: back to normal");

      // Every acknowledged edit is in the database, once: read it directly, then through a
      // fresh collab process and a new client.
      await collab.kill("SIGKILL");
      const stored = await storedParagraphs(brief.briefId);
      expect([...stored].sort()).toEqual([...everything].sort());
      const restarted = await startCollab();
      const fresh = await connect(restarted, brief.briefId, "VIEWER");
      await waitSynced(fresh, 15_000);
      expect(paragraphs(fresh.doc)).toEqual(stored);
    }, 120_000);

    it("refuses to open a brief while the database is down, saying why, and the same client opens it by itself once it is back", async () => {
      if (!postgres!.running) await postgres!.start(); // a failed test above may leave it down
      const other = await createBriefWithMembers();
      const collab = await startCollab();
      await postgres!.stop("kill");

      const startedAt = Date.now();
      const refused = await connectClient({
        url: collab.url,
        briefId: other.briefId,
        user: other.users.EDITOR,
        role: "EDITOR",
      });
      clients.push(refused);
      // What the browser's editor does (components/editor/use-collab-session.ts).
      const outage = watchDatabaseOutage(refused.provider, undefined, {
        firstMs: 200,
        maxMs: 1_000,
      });
      await waitFor(() => refused.refusals.length > 0, "the refusal", 15_000);
      expect(Date.now() - startedAt).toBeLessThan(5_000);
      expect(refused.refusals[0]).toBe("database-unavailable");
      expect(outage.unavailable).toBe(true);
      expect(refused.provider.isSynced).toBe(false);
      // Typed while the brief could not open: kept in the client's document.
      appendParagraph(refused.doc, "Typed while the database was down");
      // It keeps trying, and keeps being told why.
      await waitFor(() => refused.refusals.length >= 3, "two more attempts", 15_000);
      expect(new Set(refused.refusals)).toEqual(new Set(["database-unavailable"]));
      expect(collab.child.exitCode).toBeNull();

      await postgres!.start();
      await waitSynced(refused, 20_000);
      await waitAcknowledged(refused);
      expect(outage.unavailable).toBe(false);
      appendParagraph(refused.doc, "Typed once it opened");
      await waitAcknowledged(refused);
      expect(await storedParagraphs(other.briefId)).toEqual([
        "Typed while the database was down",
        "Typed once it opened",
      ]);
      outage.destroy();
    }, 90_000);
  },
);
