import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "../db";
import { createBriefWithMembers, type TestBrief } from "../test/factories";
import { withTestDatabase } from "../test/with-test-database";
import { EDIT_NOT_ALLOWED_REASON } from "./access-signal";
import { CollabRefusal } from "./context";
import { appendParagraph } from "./test-clients";
import { UpdateLogWriter } from "./update-log";

withTestDatabase("collab-storage-guard");

/** Holds the removal's transaction open; `observer` looks at the server meanwhile. */
let admin: pg.Client;
let observer: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  observer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await Promise.all([admin.connect(), observer.connect()]);
});

afterAll(async () => {
  await Promise.all([admin?.end(), observer?.end()]);
});

function anUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, text);
  return Y.encodeStateAsUpdate(doc);
}

async function storedRows(briefId: string): Promise<{ userId: string | null }[]> {
  return db.briefUpdate.findMany({ where: { briefId }, select: { userId: true } });
}

/** Settles to "stored" or the refusal's reason, so a test can look at a pending append. */
function outcome(append: Promise<void>): Promise<string> {
  return append.then(
    () => "stored",
    (error: unknown) =>
      error instanceof CollabRefusal ? error.reason : `failed: ${String(error)}`,
  );
}

/** Whether the update log's statement is waiting for a lock in this database. */
async function anAppendWaitsForALock(): Promise<boolean> {
  // pg_stat_activity keeps the statement's first 1 kB: its opening CTE names it. (Not asked
  // inside the removal's transaction, which would see one snapshot of it throughout.)
  const { rows } = await observer.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock'
       AND query LIKE 'WITH incoming %'`,
  );
  return rows[0]!.n > 0;
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the update log stores an author's update only while the author may edit", () => {
  let brief: TestBrief;
  beforeAll(async () => {
    brief = await createBriefWithMembers();
  });

  it("stores editors' and server-side updates, refuses viewers and outsiders, in one batch", async () => {
    const writer = new UpdateLogWriter(db);
    const results = await Promise.all([
      outcome(writer.append(brief.briefId, anUpdate("editor"), brief.users.EDITOR.id)),
      outcome(writer.append(brief.briefId, anUpdate("viewer"), brief.users.VIEWER.id)),
      outcome(writer.append(brief.briefId, anUpdate("server"), null)),
      outcome(writer.append(brief.briefId, anUpdate("outsider"), brief.users.outsider.id)),
      outcome(writer.append(brief.briefId, anUpdate("admin"), brief.users.ADMIN.id)),
    ]);
    expect(results).toEqual([
      "stored",
      EDIT_NOT_ALLOWED_REASON,
      "stored",
      EDIT_NOT_ALLOWED_REASON,
      "stored",
    ]);
    // They really went together, as one statement.
    expect(writer.stats.batches).toBe(1);
    const authors = (await storedRows(brief.briefId)).map((row) => row.userId).sort();
    expect(authors).toEqual([brief.users.EDITOR.id, brief.users.ADMIN.id, null].sort());
  });

  it("refuses everyone's edits to a deleted brief", async () => {
    const own = await createBriefWithMembers();
    await db.brief.update({ where: { id: own.briefId }, data: { deletedAt: new Date() } });
    const writer = new UpdateLogWriter(db);
    expect(await outcome(writer.append(own.briefId, anUpdate("late"), own.users.ADMIN.id))).toBe(
      EDIT_NOT_ALLOWED_REASON,
    );
    expect(await storedRows(own.briefId)).toEqual([]);
  });

  it("an append in flight while a removal commits is refused, not stored", async () => {
    const own = await createBriefWithMembers();
    const writer = new UpdateLogWriter(db);
    await admin.query("BEGIN");
    await admin.query("DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2", [
      own.workspaceId,
      own.users.EDITOR.id,
    ]);
    const pending = outcome(writer.append(own.briefId, anUpdate("in flight"), own.users.EDITOR.id));
    // The append's statement reached the database and waits for the removal's row lock.
    await until(anAppendWaitsForALock, "the append to wait for the removal");
    await admin.query("COMMIT");
    expect(await pending).toBe(EDIT_NOT_ALLOWED_REASON);
    expect(await storedRows(own.briefId)).toEqual([]);
  });

  it("an append in flight while a demotion to viewer commits is refused", async () => {
    const own = await createBriefWithMembers();
    const writer = new UpdateLogWriter(db);
    await admin.query("BEGIN");
    await admin.query(
      `UPDATE memberships SET role = 'VIEWER' WHERE workspace_id = $1 AND user_id = $2`,
      [own.workspaceId, own.users.EDITOR.id],
    );
    const pending = outcome(writer.append(own.briefId, anUpdate("in flight"), own.users.EDITOR.id));
    await until(anAppendWaitsForALock, "the append to wait for the demotion");
    await admin.query("COMMIT");
    expect(await pending).toBe(EDIT_NOT_ALLOWED_REASON);
    expect(await storedRows(own.briefId)).toEqual([]);
  });

  it("a removal that rolls back lets the waiting append through", async () => {
    const own = await createBriefWithMembers();
    const writer = new UpdateLogWriter(db);
    await admin.query("BEGIN");
    await admin.query("DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2", [
      own.workspaceId,
      own.users.EDITOR.id,
    ]);
    const pending = outcome(writer.append(own.briefId, anUpdate("kept"), own.users.EDITOR.id));
    await until(anAppendWaitsForALock, "the append to wait for the removal");
    await admin.query("ROLLBACK");
    expect(await pending).toBe("stored");
    expect(await storedRows(own.briefId)).toEqual([{ userId: own.users.EDITOR.id }]);
  });

  it("a removal that starts while an append holds the row waits, and the append is stored", async () => {
    const own = await createBriefWithMembers();
    // The append's statement holds the membership row (FOR SHARE) until it commits, so a
    // removal that comes second is ordered after it: what was stored was stored in time.
    await admin.query("BEGIN");
    await admin.query(
      `SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2 FOR SHARE`,
      [own.workspaceId, own.users.EDITOR.id],
    );
    const removal = db.membership.deleteMany({
      where: { workspaceId: own.workspaceId, userId: own.users.EDITOR.id },
    });
    const writer = new UpdateLogWriter(db);
    const append = outcome(writer.append(own.briefId, anUpdate("first"), own.users.EDITOR.id));
    // A shared lock does not wait for another shared lock, even with a removal queued.
    expect(await append).toBe("stored");
    await admin.query("COMMIT");
    expect((await removal).count).toBe(1);
  });
});
