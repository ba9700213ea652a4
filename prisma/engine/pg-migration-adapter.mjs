// Driver-adapter side of the offline schema engine shim (see schema-engine.mjs).
//
// The WASM schema engine talks to PostgreSQL through a Prisma driver adapter.
// @prisma/adapter-pg 7.10.1 has three bugs that the schema engine hits; each
// workaround below names the bug it covers. Keep this file in step with the
// pinned versions in package.json: it relies on adapter-pg internals.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// Bug 1: the schema describer reads catalog columns whose types adapter-pg
// cannot map ("Column type 'char' could not be deserialized"). These are all
// catalog-only types whose text form is what the describer wants, so the shim
// relabels them as `text` (OID 25) before pg picks a parser.
// 18 "char", 22 int2vector, 24 regproc, 30 oidvector, 194 pg_node_tree,
// 1033 aclitem, 2205 regclass, 2206 regtype, 3734 regconfig, 4089 regnamespace,
// 4096 regrole.
const CATALOG_OIDS_AS_TEXT = new Set([18, 22, 24, 30, 194, 1033, 2205, 2206, 3734, 4089, 4096]);
const TEXT_OID = 25;
const originalAddFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function addFieldsWithCatalogTypesAsText(fields) {
  for (const field of fields) {
    if (CATALOG_OIDS_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return originalAddFields.call(this, fields);
};

/** Quote a PostgreSQL identifier. */
export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/** The same connection string pointing at another database. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** The database name of a connection string (PostgreSQL defaults to the user name). */
export function databaseOf(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ""));
  return name || decodeURIComponent(u.username) || "postgres";
}

/** Run `fn` with one short-lived client. */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Empty an explicitly configured shadow database. One database per server is
 * all PGlite offers, so we wipe schemas rather than drop the database.
 */
async function wipeDatabase(url) {
  await withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT nspname FROM pg_namespace
       WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
         AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'`,
    );
    const drops = rows.map((r) => `DROP SCHEMA ${quoteIdent(r.nspname)} CASCADE;`).join("\n");
    await client.query(`${drops}\nCREATE SCHEMA public;`);
  });
}

// Bug 2: adapter-pg's executeScript splits the script on ";" and runs the
// pieces on a pool, which breaks `$$ ... $$` function bodies (our triggers) and
// can spread one migration over several connections. We send the script as a
// single simple-protocol query (PostgreSQL runs multi-statement strings as one
// implicit transaction unless they contain their own BEGIN/COMMIT), and give
// the engine a one-connection pool so session state stays on one backend.
function patchAdapter(adapter, pool) {
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/**
 * A driver-adapter factory for the WASM schema engine.
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 */
export function createMigrationAdapterFactory({ url, shadowDatabaseUrl }) {
  const connectTo = async (connectionString, release) => {
    const pool = new pg.Pool({ connectionString, max: 1 });
    const factory = new PrismaPg(pool, { disposeExternalPool: true });
    const adapter = patchAdapter(await factory.connect(), pool);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await release?.();
    };
    return adapter;
  };

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(url),
    // Bug 3: adapter-pg's connectToShadowDb spreads `database` into a config
    // that also holds a connectionString, and the connection string wins: the
    // "shadow" database would be the dev database itself. So we create and drop
    // our own, or wipe the one the user configured.
    connectToShadowDb: async () => {
      if (shadowDatabaseUrl) {
        await wipeDatabase(shadowDatabaseUrl);
        return connectTo(shadowDatabaseUrl);
      }
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await withClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      return connectTo(withDatabase(url, name), () =>
        withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)),
      );
    },
  };
}
