/**
 * An empty database for a deployment test or benchmark, on the PostgreSQL the run uses:
 * TEST_DATABASE_URL or the server at 127.0.0.1:5432, or with `embedded` a server of the
 * embedded default's own binaries started for it. Nothing is migrated here: the deployment's
 * own step (migrate-once.ts) does that, as it would on a team's first start.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { quoteIdent, withDatabase } from "../../db/connection-string";
import { startEmbeddedPostgres } from "../../db/embedded";
import { asRole, RUNTIME_ROLE } from "../../db/runtime-role";
import { ensureRole } from "./ensure-role";

export type FreshDatabase = {
  /** As the owner: what migrations use (MIGRATION_DATABASE_URL). */
  ownerUrl: string;
  /** As the runtime role briefroom_app: what the instances use (DATABASE_URL). */
  runtimeUrl: string;
  drop(): Promise<void>;
};

const SHARED_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

export async function freshDatabase(
  label: string,
  options: { embedded?: boolean } = {},
): Promise<FreshDatabase> {
  const embedded = options.embedded ? await startEmbeddedPostgres({ port: 0 }) : null;
  const server = embedded?.url ?? process.env.TEST_DATABASE_URL ?? SHARED_SERVER;
  const name = `briefroom_${label}_${randomBytes(4).toString("hex")}`;
  await admin(server, `CREATE DATABASE ${quoteIdent(name)}`);
  const ownerUrl = withDatabase(server, name);
  // The role exists before the first start, as an operator would have made it.
  await ensureRole(ownerUrl, RUNTIME_ROLE);
  return {
    ownerUrl,
    runtimeUrl: asRole(ownerUrl, RUNTIME_ROLE),
    async drop() {
      if (embedded) return embedded.stop();
      await admin(server, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    },
  };
}

async function admin(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}
