/**
 * A fresh, migrated database per test file (or per e2e run), on a real PostgreSQL:
 *   1. the server at TEST_DATABASE_URL, if set;
 *   2. else postgresql://postgres@127.0.0.1:5432 if it answers within a second;
 *   3. else the embedded PostgreSQL (the same binaries `npm start` uses), started once per
 *      process in a throw-away directory.
 * Databases are named briefroom_test_<label>_<random> and dropped by `drop()`.
 *
 * Migrating takes a Prisma CLI run (seconds); cloning a template database takes
 * milliseconds. So the first caller migrates a template named after a hash of
 * prisma/migrations, and everyone clones it: a changed migration means a new hash,
 * so a stale template is never used.
 */
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { errorCode, quoteIdent, withDatabase } from "./connection-string";
import { startEmbeddedPostgres } from "./embedded";
import { MIGRATIONS_DIR, migrateDeploy } from "./migrate";
import { asRole, grantRuntimeRole, RUNTIME_ROLE } from "./runtime-role";

export type TestDatabase = {
  /** As the owner of the tables (what migrations and most tests use). */
  url: string;
  /** As the runtime role the app connects with, when asked for (see lib/db/runtime-role.ts). */
  runtimeUrl?: string;
  /** True when the database lives on the embedded fallback server. */
  embedded: boolean;
  drop(): Promise<void>;
};

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const TEMPLATE_PREFIX = "briefroom_tpl_";

/** Create a uniquely named, fully migrated database and return its URL. */
export async function createTestDatabase(
  label = "db",
  options: { runtimeRole?: boolean } = {},
): Promise<TestDatabase> {
  const { url: server, embedded } = await chooseServer();
  const name = `briefroom_test_${sanitize(label)}_${randomBytes(4).toString("hex")}`;
  const template = await ensureTemplate(server);
  await cloneTemplate(server, template, name);
  const url = withDatabase(server, name);
  let runtimeUrl: string | undefined;
  if (options.runtimeRole) {
    await grantRuntimeRole(url, RUNTIME_ROLE, { create: true });
    runtimeUrl = asRole(url, RUNTIME_ROLE);
  }
  return {
    url,
    runtimeUrl,
    embedded,
    drop: () =>
      admin(server, (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      ).then(() => undefined),
  };
}

type Server = { url: string; embedded: boolean };
let chosen: Promise<Server> | undefined;

/** A connection string for an admin database on the test server. */
function chooseServer(): Promise<Server> {
  chosen ??= (async () => {
    const explicit = process.env.TEST_DATABASE_URL;
    if (explicit) return { url: explicit, embedded: false }; // unreachable → the first query says so
    if (await reachable(LOCAL_SERVER)) return { url: LOCAL_SERVER, embedded: false };
    const server = await startEmbeddedPostgres({ port: 0 });
    process.once("beforeExit", () => void server.stop());
    return { url: server.url, embedded: true };
  })();
  return chosen;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(server: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Hash of every file under prisma/migrations (names and contents). */
export function migrationsHash(dir = MIGRATIONS_DIR): string {
  const hash = createHash("sha256");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    hash.update(path.relative(dir, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The name of a migrated template for the current migrations, building it if needed.
 * It is built under a temporary name and renamed when complete, so concurrent test
 * files never clone a half-migrated template; the loser of a race drops its copy.
 */
async function ensureTemplate(server: string): Promise<string> {
  const template = `${TEMPLATE_PREFIX}${migrationsHash()}`;
  const exists = await admin(
    server,
    async (c) =>
      (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [template])).rowCount === 1,
  );
  if (exists) return template;

  const building = `${template}_build_${randomBytes(3).toString("hex")}`;
  await admin(server, (c) => c.query(`CREATE DATABASE ${quoteIdent(building)}`));
  try {
    await migrateDeploy(withDatabase(server, building));
    await admin(server, async (c) => {
      try {
        await c.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`);
      } catch (error) {
        if (errorCode(error) !== "42P04") throw error; // 42P04: another process finished first
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
      }
      // Templates for older migrations are useless now; keep the server tidy.
      const { rows } = await c.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname ~ $1 AND datname <> $2",
        [`^${TEMPLATE_PREFIX}[0-9a-f]{16}$`, template],
      );
      for (const { datname } of rows)
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    });
  } catch (error) {
    await admin(server, (c) =>
      c.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`),
    ).catch(() => undefined);
    throw error;
  }
  return template;
}

async function cloneTemplate(server: string, template: string, name: string): Promise<void> {
  // PostgreSQL refuses to copy a template while anyone is connected to it (55006), which
  // happens briefly when another process is cloning it too: retry a few times.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(server, (c) =>
        c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`),
      );
      return;
    } catch (error) {
      if (errorCode(error) !== "55006" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}

function sanitize(label: string): string {
  // PostgreSQL truncates identifiers at 63 bytes; keep the random suffix intact.
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "")
      .slice(0, 30) || "db"
  );
}
