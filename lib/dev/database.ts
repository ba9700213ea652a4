import path from "node:path";
import { BIN, ROOT, run, superviseService } from "./processes";

/**
 * The database the product runs on, as the URL the app and the collab server connect with:
 * DATABASE_URL when set (created if missing), else the embedded PostgreSQL in .data/, started
 * as a child process that Next and the collab server both connect to.
 *
 * Migrations run as the owner of the tables: MIGRATION_DATABASE_URL when set, else
 * DATABASE_URL itself; on the embedded default, its superuser. The app then connects as a
 * role that may only read and write rows (see lib/db/runtime-role.ts), which the embedded
 * default creates by itself; given both URLs, the app's role gets its grants here.
 */
export async function prepareDatabase(echo = false): Promise<string> {
  const { asRole, grantRuntimeRole, isRestrictedRole, roleOf, RUNTIME_ROLE } =
    await import("../db/runtime-role");
  const { ensureDatabaseExists, migrateDeploy, migrationsPending } = await import("../db/migrate");
  const configured = process.env.DATABASE_URL;
  if (!configured) {
    // Supervised like the servers: a database that dies is started again on the same data
    // (PostgreSQL recovers from its write-ahead log) and the others reconnect to it.
    const { match } = await superviseService({
      name: "db",
      command: BIN("tsx"),
      args: [path.join(ROOT, "lib/db/embedded-server.ts")],
      ready: /EMBEDDED_DB_READY (\S+)/,
      echo,
    });
    const ownerUrl = match[1]!;
    const dir = process.env.EMBEDDED_DB_DIR ?? ".data/postgres";
    console.log(`Embedded PostgreSQL ready (data in ${path.relative(ROOT, dir) || dir}).`);
    if (await migrationsPending(ownerUrl)) await migrateDeploy(ownerUrl);
    await grantRuntimeRole(ownerUrl, RUNTIME_ROLE, { create: true });
    return asRole(ownerUrl, RUNTIME_ROLE);
  }
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || configured;
  await ensureDatabaseExists(ownerUrl);
  if (await migrationsPending(ownerUrl)) await migrateDeploy(ownerUrl);
  if (roleOf(ownerUrl) !== roleOf(configured)) await grantRuntimeRole(ownerUrl, roleOf(configured));
  if (!(await isRestrictedRole(configured))) {
    console.warn(
      `Note: the app connects to the database as "${roleOf(configured)}", which owns its tables ` +
        "or is a superuser, so the database cannot hold it to reading and writing rows. Set " +
        "MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a role without those powers.",
    );
  }
  return configured;
}

export async function generatePrismaClient(): Promise<void> {
  await run(BIN("prisma"), ["generate"], { PRISMA_HIDE_UPDATE_MESSAGE: "1" });
}
