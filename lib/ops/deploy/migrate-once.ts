/**
 * The one step of a deployment that changes the database's shape, run before any instance
 * starts and only once however many instances there are: refuse a database that is ahead of
 * this code, apply the pending migrations as the owner of the tables
 * (MIGRATION_DATABASE_URL), then give the runtime role (DATABASE_URL's user) its grants on
 * whatever the migrations created. The instances then connect as the runtime role only.
 */
import { ensureDatabaseExists, migrateDeploy } from "../../db/migrate";
import { grantRuntimeRole, isRestrictedRole, roleOf } from "../../db/runtime-role";
import { logEvent } from "../log";
import { assertSchemaNotNewer } from "./schema-version";

export type MigrateOnceResult = { applied: string[]; runtimeRoleRestricted: boolean };

export async function migrateOnce(
  ownerUrl: string,
  runtimeUrl: string,
): Promise<MigrateOnceResult> {
  await ensureDatabaseExists(ownerUrl);
  const { pending } = await assertSchemaNotNewer(ownerUrl);
  if (pending.length > 0) {
    logEvent("deploy.migrate.start", { pending: pending.length, latest: pending.at(-1) });
    await migrateDeploy(ownerUrl);
    logEvent("deploy.migrate.done", { applied: pending.length });
  }
  if (roleOf(ownerUrl) !== roleOf(runtimeUrl)) await grantRuntimeRole(ownerUrl, roleOf(runtimeUrl));
  const runtimeRoleRestricted = await isRestrictedRole(runtimeUrl);
  if (!runtimeRoleRestricted) {
    logEvent("deploy.runtime-role.unrestricted", { role: roleOf(runtimeUrl) }, "warn");
  }
  return { applied: pending, runtimeRoleRestricted };
}
