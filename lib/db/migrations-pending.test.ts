import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { withDatabase } from "./connection-string";
import { migrationsPending } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./test-database";

const made: TestDatabase[] = [];
afterAll(async () => {
  for (const database of made) await database.drop();
});

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe("whether a start needs to run the migrations", () => {
  it("says no for a database with every migration applied, yes once one is missing", async () => {
    const database = await createTestDatabase("pending");
    made.push(database);
    expect(await migrationsPending(database.url)).toBe(false);
    await sql(
      database.url,
      "DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)",
    );
    expect(await migrationsPending(database.url)).toBe(true);
  });

  it("says yes for a database that was never migrated", async () => {
    const database = await createTestDatabase("pending_empty");
    made.push(database);
    const empty = `${new URL(database.url).pathname.slice(1)}_bare`;
    await sql(withDatabase(database.url, "postgres"), `CREATE DATABASE ${empty}`);
    made.push({
      ...database,
      drop: () => sql(withDatabase(database.url, "postgres"), `DROP DATABASE ${empty}`),
    });
    expect(await migrationsPending(withDatabase(database.url, empty))).toBe(true);
  });
});
