/**
 * Which version of the database schema this code knows, and whether a database is one it may
 * run on. Migrations only go forward: a newer Briefroom migrates an older database when it
 * starts, and an older Briefroom refuses a database that a newer one has migrated (it would
 * read and write tables it does not know the shape of), naming the migrations it lacks.
 */
import { readdirSync } from "node:fs";
import pg from "pg";
import { errorCode } from "../../db/connection-string";
import { MIGRATIONS_DIR } from "../../db/migrate";

/** The migration folders this code ships, oldest first (their names sort by time). */
export function knownMigrations(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export type SchemaState = {
  /** Applied to the database and known here. */
  applied: string[];
  /** Known here, not applied yet: `migrate deploy` applies them. */
  pending: string[];
  /** Applied to the database by a newer version: this code must not run on it. */
  unknown: string[];
};

export async function schemaState(url: string, known = knownMigrations()): Promise<SchemaState> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  let names: string[] = [];
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    names = rows.map((row) => row.name);
  } catch (error) {
    if (errorCode(error) !== "42P01") throw error; // 42P01: never migrated
  } finally {
    await client.end().catch(() => undefined);
  }
  const applied = new Set(names);
  const knownSet = new Set(known);
  return {
    applied: known.filter((name) => applied.has(name)),
    pending: known.filter((name) => !applied.has(name)),
    unknown: names.filter((name) => !knownSet.has(name)).sort(),
  };
}

export class NewerSchemaError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `The database was migrated by a newer Briefroom (migration${unknown.length > 1 ? "s" : ""} ` +
        `${unknown.join(", ")} unknown to this version, whose latest is ` +
        `${knownMigrations().at(-1) ?? "none"}). Refusing to start: run the newer version, ` +
        "or restore a backup taken before the upgrade.",
    );
    this.name = "NewerSchemaError";
  }
}

/** Throws NewerSchemaError when the database at `url` is ahead of this code. */
export async function assertSchemaNotNewer(url: string): Promise<SchemaState> {
  const state = await schemaState(url);
  if (state.unknown.length > 0) throw new NewerSchemaError(state.unknown);
  return state;
}
