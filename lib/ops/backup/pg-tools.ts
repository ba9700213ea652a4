/**
 * pg_dump and pg_restore for a given server. pg_dump refuses a server of a newer major version
 * than its own, so the tools are looked up by the server's version among Debian's
 * installations (/usr/lib/postgresql/<major>/bin), PG_BIN_DIR first when set. The embedded
 * default (PostgreSQL 17, whose package ships no client tools) usually finds none: its
 * backups use the portable data dump instead (data-dump.ts).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export type PgTools = { pgDump: string; pgRestore: string; major: number };

export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(
      "SELECT current_setting('server_version_num') AS v",
    );
    return Math.floor(Number(rows[0]!.v) / 10_000);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Client tools of a version that can dump a server of `major`, or null. */
export function toolsFor(major: number, env = process.env): PgTools | null {
  const candidates: { dir: string; major: number }[] = [];
  if (env.PG_BIN_DIR) candidates.push({ dir: env.PG_BIN_DIR, major: Number.POSITIVE_INFINITY });
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    for (const name of readdirSync(debian)) {
      if (/^\d+$/.test(name))
        candidates.push({ dir: path.join(debian, name, "bin"), major: Number(name) });
    }
  }
  candidates.sort((a, b) => a.major - b.major);
  const found = candidates.find(
    (c) =>
      c.major >= major &&
      existsSync(path.join(c.dir, "pg_dump")) &&
      existsSync(path.join(c.dir, "pg_restore")),
  );
  return found
    ? {
        pgDump: path.join(found.dir, "pg_dump"),
        pgRestore: path.join(found.dir, "pg_restore"),
        major: found.major,
      }
    : null;
}
