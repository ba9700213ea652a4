/**
 * Applying migrations and making sure the target database exists, for the start script,
 * the e2e server and test databases. Migrations are applied by the Prisma CLI itself
 * (`prisma migrate deploy`), so prisma.config.ts decides between the native schema engine
 * and our offline shim exactly as it does for contributors.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import {
  databaseName,
  errorCode,
  quoteIdent,
  serverLabel,
  withDatabase,
} from "./connection-string";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "migrations");
const PRISMA_BIN = path.join(REPO_ROOT, "node_modules", ".bin", "prisma");

/**
 * Run the Prisma CLI against `url` (as DATABASE_URL); resolves with its output, rejects
 * with it on failure. `env` adds variables (e.g. SHADOW_DATABASE_URL).
 */
export function runPrisma(
  args: string[],
  url: string,
  env: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PRISMA_BIN, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`prisma ${args.join(" ")} failed (exit ${code}):\n${output.trim()}`));
    });
  });
}

/**
 * True when prisma/migrations holds a migration the database at `url` has not finished
 * applying (or it has no migration table yet). Asking costs one query, where the Prisma CLI
 * costs a second or more of start-up: a second `npm start` skips it when nothing is new.
 */
export async function migrationsPending(url: string): Promise<boolean> {
  const local = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.name));
    return local.some((name) => !applied.has(name));
  } catch (error) {
    if (errorCode(error) === "42P01") return true; // a fresh database: no migration table yet
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Apply every pending migration in prisma/migrations to the database at `url`. */
export async function migrateDeploy(url: string): Promise<void> {
  await runPrisma(["migrate", "deploy"], url);
}

/**
 * Create the database `url` names when its server is reachable but the database is not
 * there yet (a fresh DATABASE_URL). Resolves true when it created it. Throws a message a
 * person can act on when the server cannot be reached or refuses the credentials.
 */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if (errorCode(error) !== "3D000") throw unreachable(url, error);
  } finally {
    await probe.end().catch(() => undefined);
  }
  const name = databaseName(url);
  // Connect to a maintenance database on the same server to create the missing one.
  const maintenance = withDatabase(url, name === "postgres" ? "template1" : "postgres");
  const admin = new pg.Client({ connectionString: maintenance, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } catch (error) {
    if (errorCode(error) === "42P04") return false; // created meanwhile by someone else
    throw new Error(
      `Database "${name}" does not exist on ${serverLabel(url)} and could not be created: ${message(error)}`,
    );
  } finally {
    await admin.end().catch(() => undefined);
  }
}

function unreachable(url: string, error: unknown): Error {
  const code = errorCode(error);
  const where = serverLabel(url);
  if (code === "28P01" || code === "28000") {
    return new Error(
      `PostgreSQL at ${where} refused the credentials in DATABASE_URL: ${message(error)}`,
    );
  }
  return new Error(
    `Cannot reach PostgreSQL at ${where} (DATABASE_URL): ${message(error)}. ` +
      "Start that server, fix DATABASE_URL, or unset it to use the embedded database.",
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
