/**
 * `npm run backup -- --out FILE` and `npm run restore -- --from FILE`, against
 * MIGRATION_DATABASE_URL (the owner; DATABASE_URL when unset). Both run while the desk works:
 * a dump reads one consistent snapshot and blocks no editor.
 *
 * The format is pg_dump's custom format (-Fc) whenever a pg_dump of the server's version or
 * newer is installed: one compressed file holding the schema, the immutability triggers, the
 * grants to the runtime role and the rows, which pg_restore can list, restore selectively or
 * in parallel, and which a newer PostgreSQL can restore; a plain SQL script can do none of
 * that. Otherwise (the embedded default) the portable data dump of data-dump.ts.
 */
import { execFile } from "node:child_process";
import { open } from "node:fs/promises";
import { promisify } from "node:util";
import { ensureDatabaseExists, migrateDeploy } from "../../db/migrate";
import { grantRuntimeRole, RUNTIME_ROLE } from "../../db/runtime-role";
import { ensureRole } from "../deploy/ensure-role";
import { knownMigrations, schemaState } from "../deploy/schema-version";
import { loadDataDump, readDataDumpHeader, writeDataDump } from "./data-dump";
import { serverMajor, toolsFor } from "./pg-tools";

const exec = promisify(execFile);
export type BackupFormat = "pg_dump-custom" | "briefroom-data";

export async function backup(url: string, file: string): Promise<{ format: BackupFormat }> {
  const tools = toolsFor(await serverMajor(url));
  if (tools) {
    await exec(tools.pgDump, ["--format=custom", "--file", file, "--dbname", url], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return { format: "pg_dump-custom" };
  }
  await writeDataDump(url, file);
  return { format: "briefroom-data" };
}

/** pg_dump's custom format starts with these five bytes; the data dump is gzip. */
async function formatOf(file: string): Promise<BackupFormat> {
  const handle = await open(file, "r");
  try {
    const { buffer } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    return buffer.toString("latin1") === "PGDMP" ? "pg_dump-custom" : "briefroom-data";
  } finally {
    await handle.close();
  }
}

/**
 * Restores `file` into the database at `url`, which must be empty (created when missing).
 * The runtime role is created first when the server lacks it, so the dump's grants apply.
 */
export async function restore(
  url: string,
  file: string,
  options: { runtimeRole?: string } = {},
): Promise<{ format: BackupFormat }> {
  const role = options.runtimeRole ?? RUNTIME_ROLE;
  await ensureDatabaseExists(url);
  const state = await schemaState(url);
  if (state.applied.length > 0 || state.unknown.length > 0) {
    throw new Error("Restore into an empty database: this one already has Briefroom's tables.");
  }
  await ensureRole(url, role);
  const format = await formatOf(file);
  if (format === "pg_dump-custom") {
    const tools = toolsFor(await serverMajor(url));
    if (!tools) throw new Error("No pg_restore for this server: install postgresql-client.");
    // Owned by whoever restores (the owner role of this server), grants kept.
    await exec(tools.pgRestore, ["--no-owner", "--exit-on-error", "--dbname", url, file], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } else {
    const header = await readDataDumpHeader(file);
    const known = knownMigrations();
    const missing = header.migrations.filter((name) => !known.includes(name));
    if (missing.length > 0 || header.migrations.length !== known.length) {
      throw new Error(
        "This dump was taken by another version of Briefroom " +
          `(${header.migrations.at(-1)}; this one: ${known.at(-1)}). Restore it with that version, then upgrade.`,
      );
    }
    await migrateDeploy(url);
    await loadDataDump(url, file);
  }
  // Whatever the dump said, the runtime role ends with exactly the grants the app needs.
  await grantRuntimeRole(url, role);
  return { format };
}
