/** Helpers shared by the lib/db tests (not used by the app). */
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";
import type { TestDatabase } from "./test-database";

/**
 * A shadow database for CLI commands that need one when the test database is an embedded
 * PGlite: its socket server ignores database names, so the shim cannot create a separate
 * shadow database there. On a real server: undefined (the shim creates and drops one).
 */
export async function shadowFor(database: TestDatabase): Promise<EmbeddedPostgres | undefined> {
  return database.embedded ? startEmbeddedPostgres({ port: 0 }) : undefined;
}
