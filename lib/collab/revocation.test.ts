import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintCollabToken } from "../auth/collab-token";
import { revokeSessions } from "../auth/revoke-sessions";
import { deleteBrief } from "../briefs/service";
import { db } from "../db";
import { loadBriefState, storedStateAsUpdate } from "../documents/stored-state";
import { updateToText } from "../editor/to-text";
import { changeRole, removeMember } from "../members/service";
import type { Member, Role } from "../policy/can";
import { createBriefWithMembers, type TestBrief } from "../test/factories";
import { withTestDatabase } from "../test/with-test-database";
import { watchAccess, type AccessWatch } from "./access-watch";
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

withTestDatabase("collab-revocation");

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
/** Generous: closing is expected within 2 s; the time taken is measured and printed. */
const CLOSE_TIMEOUT_MS = 15_000;

/** Two instances sharing briefs through Redis, with the default 30 s periodic re-check. */
let one: CollabProcess;
let two: CollabProcess;
/** An instance re-checking every 500 ms, for changes nobody announced. */
let checking: CollabProcess;
let observer: pg.Client;
const clients: TestClient[] = [];
const measured: string[] = [];

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  const shared = {
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX: `briefroom-test-${randomUUID()}`,
    COLLAB_PORT: "0",
  };
  [one, two, checking] = await Promise.all([
    startCollabProcess(shared),
    startCollabProcess(shared),
    startCollabProcess({
      DATABASE_URL: process.env.DATABASE_URL,
      COLLAB_PORT: "0",
      COLLAB_ACCESS_RECHECK_MS: "500",
    }),
  ]);
  observer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await observer.connect();
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all([one, two, checking].map((instance) => instance?.kill("SIGTERM")));
  await observer?.end();
  console.log(`access changes reaching open connections:\n  ${measured.join("\n  ")}`);
});

type Watched = TestClient & { access: AccessWatch };

async function open(
  instance: CollabProcess,
  brief: TestBrief,
  role: Role,
  token?: string,
): Promise<Watched> {
  const client = await connectClient({
    url: instance.url,
    briefId: brief.briefId,
    user: brief.users[role],
    role,
    token,
  });
  const watched = Object.assign(client, { access: watchAccess(client.provider) });
  clients.push(watched);
  return watched;
}

function adminOf(brief: TestBrief): Member {
  return { userId: brief.users.ADMIN.id, workspaceId: brief.workspaceId, role: "ADMIN" };
}

async function storedText(briefId: string): Promise<string> {
  return updateToText(storedStateAsUpdate(await loadBriefState(briefId)));
}

/** Waits for `condition` and records how long after `since` it held. */
async function measure(
  what: string,
  since: number,
  condition: () => boolean,
  timeoutMs = CLOSE_TIMEOUT_MS,
): Promise<number> {
  await waitFor(condition, what, timeoutMs);
  const ms = Math.round(performance.now() - since);
  measured.push(`${what}: ${ms} ms`);
  return ms;
}

function isConnected(client: TestClient): boolean {
  return client.provider.configuration.websocketProvider.status === "connected";
}

/** Whether a collab instance's append is waiting for a row lock (see storage-guard.test.ts). */
async function anAppendWaitsForALock(): Promise<boolean> {
  const { rows } = await observer.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock'
       AND query LIKE 'WITH incoming %'`,
  );
  return rows[0]!.n > 0;
}

describe("a member removed while the brief is open", () => {
  it("is disconnected on every instance, and nothing they send afterwards is stored", async () => {
    const brief = await createBriefWithMembers();
    const editorOnOne = await open(one, brief, "EDITOR");
    const editorOnTwo = await open(two, brief, "EDITOR");
    const colleague = await open(one, brief, "APPROVER");
    await Promise.all([editorOnOne, editorOnTwo, colleague].map((c) => waitSynced(c)));
    appendParagraph(editorOnOne.doc, "written while a member");
    await waitAcknowledged(editorOnOne);
    // Still valid for minutes: a client that ignores the close and comes back with it.
    const token = await mintCollabToken({
      userId: brief.users.EDITOR.id,
      name: brief.users.EDITOR.name,
      briefId: brief.briefId,
      role: "EDITOR",
    });

    await removeMember(adminOf(brief), brief.users.EDITOR.id);
    const committed = performance.now();
    await Promise.all([
      measure(
        "removal → closed on instance one",
        committed,
        () => editorOnOne.access.ended === "access-removed",
      ),
      measure(
        "removal → closed on instance two",
        committed,
        () => editorOnTwo.access.ended === "access-removed",
      ),
    ]);
    for (const client of [editorOnOne, editorOnTwo]) {
      expect(client.closeReasons).toContain("access-removed");
      await waitFor(() => !isConnected(client), "the socket to close");
    }

    // The removed editor keeps typing: the provider no longer reconnects, and a client that
    // comes back with the old token is refused before anything is read or stored.
    appendParagraph(editorOnOne.doc, "typed after the removal");
    const comeback = await connectClient({
      url: two.url,
      briefId: brief.briefId,
      user: brief.users.EDITOR,
      token,
      doc: editorOnOne.doc,
    });
    clients.push(comeback);
    await waitFor(() => comeback.refusals.length > 0, "the comeback to be refused");
    expect(comeback.refusals).toEqual(["forbidden"]);

    // Their colleague works on; the stored brief has what the editor wrote as a member only.
    appendParagraph(colleague.doc, "the colleague carries on");
    await waitAcknowledged(colleague);
    expect(isConnected(editorOnOne)).toBe(false);
    const stored = await storedText(brief.briefId);
    expect(stored).toContain("written while a member");
    expect(stored).toContain("the colleague carries on");
    expect(stored).not.toContain("typed after the removal");
    expect(paragraphs(colleague.doc)).not.toContain("typed after the removal");
  });

  it("an edit in flight when the removal commits is refused at the storage step", async () => {
    const brief = await createBriefWithMembers();
    const editor = await open(one, brief, "EDITOR");
    const colleague = await open(two, brief, "APPROVER");
    await Promise.all([waitSynced(editor), waitSynced(colleague)]);

    // The removal is made but not committed while the edit reaches the server: its append
    // waits for the membership row, then finds the removal committed.
    await db.$transaction(
      async (tx) => {
        await removeMember(adminOf(brief), brief.users.EDITOR.id, tx);
        appendParagraph(editor.doc, "sent as the removal commits");
        const deadline = Date.now() + 10_000;
        while (!(await anAppendWaitsForALock())) {
          if (Date.now() > deadline) throw new Error("the edit never reached the database");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
      { timeout: 20_000 },
    );
    const committed = performance.now();
    await measure(
      "removal with an edit in flight → closed",
      committed,
      () => editor.access.ended === "access-removed",
    );
    expect(editor.provider.hasUnsyncedChanges).toBe(true);

    appendParagraph(colleague.doc, "after the race");
    await waitAcknowledged(colleague);
    const stored = await storedText(brief.briefId);
    expect(stored).toContain("after the race");
    expect(stored).not.toContain("sent as the removal commits");
    expect(paragraphs(colleague.doc)).not.toContain("sent as the removal commits");
    expect(
      await db.briefUpdate.count({
        where: { briefId: brief.briefId, userId: brief.users.EDITOR.id },
      }),
    ).toBe(0);
  });
});

describe("an editor demoted to viewer while the brief is open", () => {
  it("keeps reading on the same connection, and their edits are refused and not stored", async () => {
    const brief = await createBriefWithMembers();
    const editor = await open(one, brief, "EDITOR");
    const colleague = await open(two, brief, "APPROVER");
    await Promise.all([waitSynced(editor), waitSynced(colleague)]);
    expect(editor.access.readOnly).toBe(false);

    await changeRole(adminOf(brief), brief.users.EDITOR.id, "VIEWER");
    const committed = performance.now();
    await measure("demotion → read-only", committed, () => editor.access.readOnly === true);
    expect(editor.closeCodes).toEqual([]);
    expect(isConnected(editor)).toBe(true);

    appendParagraph(editor.doc, "typed after the demotion");
    appendParagraph(colleague.doc, "the approver writes on");
    await waitAcknowledged(colleague);
    // Reading continues, across instances.
    await waitFor(
      () => paragraphs(editor.doc).includes("the approver writes on"),
      "the demoted editor to receive the approver's edit",
    );
    expect(editor.provider.hasUnsyncedChanges).toBe(true);
    expect(paragraphs(colleague.doc)).not.toContain("typed after the demotion");
    expect(await storedText(brief.briefId)).not.toContain("typed after the demotion");

    // Reconnecting gives read-only too, and the unsent edit offered again is refused again.
    const closesBefore = editor.closeCodes.length;
    editor.provider.configuration.websocketProvider.webSocket?.close();
    await waitFor(
      () => editor.closeCodes.length > closesBefore && editor.provider.isSynced,
      "the editor to reconnect",
    );
    expect(editor.provider.authorizedScope).toBe("readonly");
    expect(editor.access.readOnly).toBe(true);
    expect(editor.access.ended).toBeNull();
    appendParagraph(colleague.doc, "after the reconnection");
    await waitAcknowledged(colleague);
    await waitFor(
      () => paragraphs(editor.doc).includes("after the reconnection"),
      "the reconnected viewer to read on",
    );
    expect(await storedText(brief.briefId)).not.toContain("typed after the demotion");

    // Promoted again: the same connection may write.
    await changeRole(adminOf(brief), brief.users.EDITOR.id, "EDITOR");
    const promoted = performance.now();
    await measure("promotion → writable", promoted, () => editor.access.readOnly === false);
    appendParagraph(editor.doc, "an editor again");
    await waitFor(
      () => paragraphs(colleague.doc).includes("an editor again"),
      "the promoted editor's edit to reach the approver",
    );
    expect(await storedText(brief.briefId)).toContain("an editor again");
  });
});

describe("signing out everywhere", () => {
  it("closes the user's connections on every instance", async () => {
    const brief = await createBriefWithMembers();
    const onOne = await open(one, brief, "EDITOR");
    const onTwo = await open(two, brief, "EDITOR");
    const colleague = await open(one, brief, "APPROVER");
    await Promise.all([onOne, onTwo, colleague].map((c) => waitSynced(c)));

    await revokeSessions(brief.users.EDITOR.id);
    const committed = performance.now();
    await Promise.all([
      measure(
        "sign out everywhere → closed on instance one",
        committed,
        () => onOne.access.ended === "session-revoked",
      ),
      measure(
        "sign out everywhere → closed on instance two",
        committed,
        () => onTwo.access.ended === "session-revoked",
      ),
    ]);
    expect(onOne.closeReasons).toContain("session-revoked");
    // Only that user: the colleague is still connected and saving.
    appendParagraph(colleague.doc, "still here");
    await waitAcknowledged(colleague);
    expect(colleague.access.ended).toBeNull();
  });

  it("a new password (the database trigger) closes them too", async () => {
    const brief = await createBriefWithMembers();
    const client = await open(two, brief, "VIEWER");
    await waitSynced(client);
    await db.user.update({
      where: { id: brief.users.VIEWER.id },
      data: { passwordHash: "changed elsewhere" },
    });
    const committed = performance.now();
    await measure(
      "new password → closed",
      committed,
      () => client.access.ended === "session-revoked",
    );
  });
});

describe("a brief deleted while it is open", () => {
  it("closes its editors' connections and leaves the admin reading", async () => {
    const brief = await createBriefWithMembers();
    const editor = await open(one, brief, "EDITOR");
    const admin = await open(two, brief, "ADMIN");
    await Promise.all([waitSynced(editor), waitSynced(admin)]);
    await deleteBrief(
      { userId: brief.users.EDITOR.id, workspaceId: brief.workspaceId, role: "EDITOR" },
      brief.briefId,
    );
    const committed = performance.now();
    await Promise.all([
      measure(
        "brief deleted → editor closed",
        committed,
        () => editor.access.ended === "brief-deleted",
      ),
      measure("brief deleted → admin read-only", committed, () => admin.access.readOnly === true),
    ]);
    expect(isConnected(admin)).toBe(true);
  });
});

describe("changes nobody announced", () => {
  it("are caught by the periodic re-check", async () => {
    const brief = await createBriefWithMembers();
    const editor = await open(checking, brief, "EDITOR");
    const approver = await open(checking, brief, "APPROVER");
    await Promise.all([waitSynced(editor), waitSynced(approver)]);

    // As a restore or a replica would: with triggers off, so no notice is sent.
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.membership.delete({
        where: {
          workspaceId_userId: { workspaceId: brief.workspaceId, userId: brief.users.EDITOR.id },
        },
      });
      await tx.membership.update({
        where: {
          workspaceId_userId: { workspaceId: brief.workspaceId, userId: brief.users.APPROVER.id },
        },
        data: { role: "VIEWER" },
      });
    });
    const committed = performance.now();
    await Promise.all([
      measure(
        "unannounced removal → closed (500 ms re-check)",
        committed,
        () => editor.access.ended === "access-removed",
      ),
      measure(
        "unannounced demotion → read-only (500 ms re-check)",
        committed,
        () => approver.access.readOnly === true,
      ),
    ]);
  });

  it("are caught when the listening connection is established again", async () => {
    const brief = await createBriefWithMembers();
    const editor = await open(one, brief, "EDITOR");
    await waitSynced(editor);
    // Removed with triggers off, as if while nobody listened.
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.membership.delete({
        where: {
          workspaceId_userId: { workspaceId: brief.workspaceId, userId: brief.users.EDITOR.id },
        },
      });
    });
    const listeners = async () =>
      (
        await observer.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
           WHERE datname = current_database() AND application_name = 'briefroom-collab-access'`,
        )
      ).rows.map((row) => row.pid);
    const cut = await listeners();
    // One listening connection per instance.
    expect(cut.length).toBe(3);
    await observer.query("SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid", [cut]);
    const terminated = performance.now();
    // Well before instance one's 30 s periodic re-check.
    await measure(
      "listening again → unannounced removal closed",
      terminated,
      () => editor.access.ended === "access-removed",
    );
    const again = await listeners();
    expect(again.length).toBe(3);
    expect(again.filter((pid) => cut.includes(pid))).toEqual([]);
  });
});
