import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { freezeBrief } from "@/lib/publishing/freeze";
import { briefWithContent, doc, para } from "@/lib/publishing/test-helpers";
import { createVersion } from "@/lib/publishing/versions";
import { workspaceWith } from "@/lib/test/factories";
import { errorCode } from "./connection-string";
import { isRestrictedRole } from "./runtime-role";
import { createTestDatabase, type TestDatabase } from "./test-database";

let database: TestDatabase;
let app: pg.Client;
let briefId: string;
let versionId: string;

beforeAll(async () => {
  database = await createTestDatabase("runtime_role", { runtimeRole: true });
  process.env.DATABASE_URL = database.url;
  // A published brief, made the way the product makes one (as the owner, like the fixtures).
  const { members } = await workspaceWith(["APPROVER"]);
  const approver = members.APPROVER;
  briefId = await briefWithContent(approver, doc(para("Kayes: the road is closed.")));
  const frozen = await freezeBrief(approver, briefId);
  const now = new Date();
  versionId = (
    await createVersion(db, {
      briefId,
      frozen,
      approvedById: approver.userId,
      approvedAt: now,
      publishedById: approver.userId,
    })
  ).id;
  app = new pg.Client({ connectionString: database.runtimeUrl });
  await app.connect();
}, 120_000);

afterAll(async () => {
  await app?.end();
  await db.$disconnect();
  await database?.drop();
});

/** The SQLSTATE the runtime role's statement fails with (undefined when it succeeds). */
async function refusal(sql: string, params: unknown[] = []): Promise<string | undefined> {
  try {
    await app.query(sql, params);
    return undefined;
  } catch (error) {
    return errorCode(error);
  }
}

const PERMISSION_DENIED = "42501";
const MUST_BE_OWNER = "42501";

describe("the role the app connects with", () => {
  it("owns nothing and is no superuser", async () => {
    expect(await isRestrictedRole(database.runtimeUrl!)).toBe(true);
    expect(await isRestrictedRole(database.url)).toBe(false);
  });

  it("reads and writes ordinary rows", async () => {
    await app.query("UPDATE briefs SET title = 'Renamed' WHERE id = $1", [briefId]);
    const { rows } = await app.query("SELECT title FROM briefs WHERE id = $1", [briefId]);
    expect(rows[0].title).toBe("Renamed");
  });

  it("cannot change, delete or empty published versions or their exports", async () => {
    expect(
      await refusal("UPDATE brief_versions SET title = 'forged' WHERE id = $1", [versionId]),
    ).toBe(PERMISSION_DENIED);
    expect(await refusal("DELETE FROM brief_versions WHERE id = $1", [versionId])).toBe(
      PERMISSION_DENIED,
    );
    expect(await refusal("TRUNCATE brief_versions CASCADE")).toBe(PERMISSION_DENIED);
    expect(await refusal("DELETE FROM brief_version_exports")).toBe(PERMISSION_DENIED);
    expect(await refusal("TRUNCATE brief_version_exports")).toBe(PERMISSION_DENIED);
  });

  it("cannot switch off, drop or replace the triggers that keep them immutable", async () => {
    expect(await refusal("ALTER TABLE brief_versions DISABLE TRIGGER ALL")).toBe(MUST_BE_OWNER);
    expect(
      await refusal("ALTER TABLE brief_versions DISABLE TRIGGER brief_versions_immutable"),
    ).toBe(MUST_BE_OWNER);
    expect(await refusal("DROP TRIGGER brief_versions_immutable ON brief_versions")).toBe(
      MUST_BE_OWNER,
    );
    const replace = `CREATE OR REPLACE FUNCTION briefroom_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`;
    expect(await refusal(replace)).toBe(MUST_BE_OWNER);
    expect(await refusal("SET session_replication_role = replica")).toBe(PERMISSION_DENIED);
    // Nor make a table or function of its own to work around them.
    expect(await refusal("CREATE TABLE shadow (id int)")).toBe(PERMISSION_DENIED);
  });

  it("only appends to the review audit log", async () => {
    const insert = `INSERT INTO brief_transitions (id, brief_id, kind, from_status, to_status, comment)
                    VALUES (gen_random_uuid(), $1, 'SUBMIT', 'DRAFT', 'IN_REVIEW', 'by the app')`;
    expect(await refusal(insert, [briefId])).toBeUndefined();
    expect(await refusal("UPDATE brief_transitions SET comment = 'rewritten'")).toBe(
      PERMISSION_DENIED,
    );
    expect(await refusal("DELETE FROM brief_transitions")).toBe(PERMISSION_DENIED);
    expect(await refusal("TRUNCATE brief_transitions")).toBe(PERMISSION_DENIED);
    // The owner cannot rewrite it either, short of dropping the trigger.
    await expect(
      db.$executeRawUnsafe("UPDATE brief_transitions SET comment = 'rewritten'"),
    ).rejects.toThrow(/append-only/);
  });

  it("cannot record a migration", async () => {
    expect(await refusal("DELETE FROM _prisma_migrations")).toBe(PERMISSION_DENIED);
  });

  it("cannot hard-delete a brief with published versions, whoever asks", async () => {
    expect(await refusal("DELETE FROM briefs WHERE id = $1", [briefId])).toBe("23001");
    await expect(
      db.$executeRawUnsafe(`DELETE FROM briefs WHERE id = '${briefId}'`),
    ).rejects.toThrow(/has published versions/);
    const { rows } = await app.query(
      "SELECT count(*)::int AS n FROM brief_versions WHERE brief_id = $1",
      [briefId],
    );
    expect(rows[0].n).toBe(1);
  });
});
