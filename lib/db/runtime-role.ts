/**
 * The two database roles. Migrations run as the owner of the tables; the web app and the
 * collaboration server connect as a role that may only read and write rows. Because that role
 * owns nothing, it cannot disable or drop the triggers that keep published versions immutable,
 * replace their function, or truncate anything; and it may only read and append to the
 * published versions, their exports and the review audit log. A compromised app can then add
 * rows, but it cannot rewrite what was published or what the audit log says happened.
 */
import pg from "pg";
import { errorCode, quoteIdent } from "./connection-string";

/** The runtime role `npm start` creates for the embedded database and the test servers. */
export const RUNTIME_ROLE = "briefroom_app";

/** Tables the runtime role may read and add to, never change or empty. */
export const APPEND_ONLY_TABLES = ["brief_versions", "brief_version_exports", "brief_transitions"];

/** The same connection string, signing in as `role` (no password: for trust-auth local servers). */
export function asRole(url: string, role: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = "";
  return u.toString();
}

/** The role a connection string signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username) || "postgres";
}

/**
 * Grants `role` what the app needs on the database at `ownerUrl`, and nothing more. Run after
 * every migration (new tables need their grants). With `create`, makes the role first when the
 * server has none by that name (the embedded default and test servers; in production the
 * operator creates it, with a password).
 */
export async function grantRuntimeRole(
  ownerUrl: string,
  role: string,
  options: { create?: boolean } = {},
): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const ident = quoteIdent(role);
    if (options.create) {
      const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
      if (exists.rowCount === 0) {
        try {
          await client.query(
            `CREATE ROLE ${ident} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`,
          );
        } catch (error) {
          // Another database on the same server created it at the same moment.
          if (!["42710", "23505"].includes(errorCode(error) ?? "")) throw error;
        }
      }
    }
    const database = (await client.query<{ db: string }>("SELECT current_database() AS db"))
      .rows[0]!.db;
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(database)} TO ${ident}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${ident}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC, ${ident}`);
    await client.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident}`,
    );
    await client.query(
      `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${ident}`,
    );
    const appendOnly = APPEND_ONLY_TABLES.map(quoteIdent).join(", ");
    await client.query(`REVOKE UPDATE, DELETE ON ${appendOnly} FROM ${ident}`);
    // Which migrations ran is the owner's business; the app only reads it.
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${ident}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ident}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * True when the role of `url` owns nothing and is no superuser: what the database's own
 * protections need. Used to warn at start when the app runs with the owner's powers.
 */
export async function isRestrictedRole(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ superuser: boolean; owns: boolean }>(
      `SELECT r.rolsuper AS superuser,
              EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = 'public' AND c.relowner = r.oid) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    return rows[0] ? !rows[0].superuser && !rows[0].owns : false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
