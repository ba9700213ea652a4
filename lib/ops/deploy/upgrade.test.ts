// Upgrades go forward only: a newer version migrates an older database when it starts, and an
// older version refuses to start on a database a newer one has migrated.
import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startCollabProcess } from "@/lib/collab/test-clients";
import { MIGRATIONS_DIR, REPO_ROOT } from "@/lib/db/migrate";
import { freshDatabase, type FreshDatabase } from "./fresh-database";
import { knownMigrations, schemaState } from "./schema-version";

const made: FreshDatabase[] = [];
afterAll(async () => {
  for (const database of made) await database.drop();
}, 60_000);

async function sql(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

/** The database as an older release left it: only its first `count` migrations, applied as Prisma applies them. */
async function olderDatabase(url: string, count: number): Promise<string[]> {
  await sql(
    url,
    `CREATE TABLE "_prisma_migrations" (
       "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
       "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT,
       "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
       "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
  );
  const older = knownMigrations().slice(0, count);
  for (const name of older) {
    const script = readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
    await sql(url, script);
    await sql(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
       VALUES ($1, $2, now(), $3, 1)`,
      [randomUUID(), createHash("sha256").update(script).digest("hex"), name],
    );
  }
  return older;
}

/** `npm run serve -- --migrate-only`, as an operator runs it; resolves with its exit code and output. */
function migrateOnly(database: FreshDatabase): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "lib/ops/deploy/serve.ts", "--migrate-only"],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          MIGRATION_DATABASE_URL: database.ownerUrl,
          DATABASE_URL: database.runtimeUrl,
          AUTH_SECRET: "upgrade-test-secret-0123456789abcdef0123",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("upgrading the database", () => {
  it("brings a database of an older release up to this one, as the owner, and grants the app", async () => {
    const database = await freshDatabase("upgrade_older");
    made.push(database);
    const known = knownMigrations();
    expect(known.length).toBeGreaterThan(3);
    const older = await olderDatabase(database.ownerUrl, 3);
    await sql(
      database.ownerUrl,
      "INSERT INTO users (id, email, name, updated_at) VALUES (gen_random_uuid(), 'kept@briefroom.test', 'Kept', now())",
    );
    expect((await schemaState(database.ownerUrl)).pending).toEqual(known.slice(older.length));

    const { code, output } = await migrateOnly(database);
    expect(output).toContain("MIGRATED");
    expect(code).toBe(0);
    const state = await schemaState(database.ownerUrl);
    expect(state).toEqual({ applied: known, pending: [], unknown: [] });
    // The data of the older release is still there, and the app's role reads it.
    const { rows } = await sql(
      database.runtimeUrl,
      "SELECT name FROM users WHERE email = 'kept@briefroom.test'",
    );
    expect(rows).toEqual([{ name: "Kept" }]);
  }, 120_000);

  it("refuses to run an older release on a database that a newer one migrated", async () => {
    const database = await freshDatabase("upgrade_newer");
    made.push(database);
    expect((await migrateOnly(database)).code).toBe(0);
    await sql(
      database.ownerUrl,
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
       VALUES ($1, 'x', now(), '29990101000000_from_a_newer_release', 1)`,
      [randomUUID()],
    );

    const refused = await migrateOnly(database);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("migrated by a newer Briefroom");
    expect(refused.output).toContain("29990101000000_from_a_newer_release");
    // The collab server refuses too, before it accepts a single editor.
    await expect(
      startCollabProcess({ DATABASE_URL: database.runtimeUrl, COLLAB_PORT: "0" }),
    ).rejects.toThrow(/migrated by a newer Briefroom/);
  }, 120_000);
});
