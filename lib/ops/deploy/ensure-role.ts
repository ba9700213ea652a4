import pg from "pg";
import { errorCode, quoteIdent } from "../../db/connection-string";

/**
 * Makes the runtime role on the server of `ownerUrl` when it has none by that name, with
 * none of the powers an owner has; its grants come after the tables exist (grantRuntimeRole).
 * On a team's server the operator makes it, with a password; this is for fresh test servers,
 * restores into a new server, and the embedded default.
 */
export async function ensureRole(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (exists.rowCount) return;
    await client.query(
      `CREATE ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`,
    );
  } catch (error) {
    // Made at the same moment by another database's setup on the same server.
    if (!["42710", "23505"].includes(errorCode(error) ?? "")) throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
