import { afterAll, beforeAll } from "vitest";

/**
 * Gives the calling test file its own freshly migrated database on the real PostgreSQL
 * (see lib/db/test-database.ts) and points `db` at it. Vitest runs each file in its own
 * module scope, so files never share a database and nothing needs truncating.
 */
export function withTestDatabase(label: string): void {
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const { createTestDatabase } = await import("@/lib/db/test-database");
    const database = await createTestDatabase(label);
    drop = database.drop;
    process.env.DATABASE_URL = database.url;
  }, 120_000);
  afterAll(async () => {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    await drop?.();
  }, 60_000);
}
