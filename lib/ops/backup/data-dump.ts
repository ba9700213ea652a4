/**
 * The portable data dump, for a server no pg_dump here can read (the embedded default's
 * PostgreSQL 17). One gzip'd file of JSON lines: a header naming the migrations the database
 * had, then every row of every table, all read in one REPEATABLE READ snapshot, so the dump
 * is consistent while editors keep writing. Restoring migrates an empty database to the same
 * migrations (schema, triggers, grants come from them) and loads the rows with triggers held
 * off for the load only, which needs a superuser: the embedded server's owner is one.
 * It also moves a desk from the embedded default to a team's server of another version.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { quoteIdent } from "../../db/connection-string";

export const DATA_DUMP_FORMAT = "briefroom-data-1";
const BATCH = 500;

type Header = { format: string; migrations: string[]; serverVersion: string; takenAt: string };

async function tables(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                           AND a.attgenerated = ''
      WHERE c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      GROUP BY c.relname ORDER BY c.relname`,
  );
  return rows;
}

export async function writeDataDump(url: string, file: string): Promise<{ rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, "drain");
  };
  let count = 0;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = (
      await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM _prisma_migrations
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((row) => row.name);
    const version = (
      await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")
    ).rows[0]!.v;
    const header: Header = {
      format: DATA_DUMP_FORMAT,
      migrations,
      serverVersion: version,
      takenAt: new Date().toISOString(),
    };
    await write(header);
    for (const table of await tables(client)) {
      const columns = table.columns.map(quoteIdent).join(", ");
      await client.query(
        `DECLARE dump CURSOR FOR SELECT row_to_json(x) AS r FROM (SELECT ${columns} FROM ${quoteIdent(table.name)}) x`,
      );
      for (;;) {
        const { rows } = await client.query<{ r: unknown }>(`FETCH ${BATCH} FROM dump`);
        if (rows.length === 0) break;
        for (const row of rows) await write({ t: table.name, r: row.r });
        count += rows.length;
      }
      await client.query("CLOSE dump");
    }
    await client.query("COMMIT");
  } finally {
    await client.end().catch(() => undefined);
    gzip.end();
    await once(out, "close");
  }
  return { rows: count };
}

export async function readDataDumpHeader(file: string): Promise<Header> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
  for await (const line of lines) {
    lines.close();
    const header = JSON.parse(line) as Header;
    if (header.format !== DATA_DUMP_FORMAT) throw new Error(`${file} is not a Briefroom data dump`);
    return header;
  }
  throw new Error(`${file} is empty`);
}

/** Loads the rows into `url`, already migrated to the dump's migrations. */
export async function loadDataDump(url: string, file: string): Promise<{ rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let count = 0;
  try {
    const columnsOf = new Map((await tables(client)).map((t) => [t.name, t.columns]));
    await client.query("BEGIN");
    // Foreign keys and the immutability triggers stay off while the rows go back in as
    // they were; they hold again for everything after the commit.
    await client.query("SET LOCAL session_replication_role = replica");
    let table = "";
    let batch: unknown[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const columns = columnsOf.get(table);
      if (!columns) throw new Error(`The dump has a table this version does not know: ${table}`);
      const list = columns.map(quoteIdent).join(", ");
      await client.query(
        `INSERT INTO ${quoteIdent(table)} (${list}) OVERRIDING SYSTEM VALUE
         SELECT ${list} FROM json_populate_recordset(null::${quoteIdent(table)}, $1::json)`,
        [JSON.stringify(batch)],
      );
      count += batch.length;
      batch = [];
    };
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
    let first = true;
    for await (const line of lines) {
      if (first) {
        first = false;
        continue;
      }
      const { t, r } = JSON.parse(line) as { t: string; r: unknown };
      if (t !== table || batch.length >= BATCH) await flush();
      table = t;
      batch.push(r);
    }
    await flush();
    // Sequences carry on after the highest id restored.
    const { rows: serials } = await client.query<{ tbl: string; col: string; seq: string }>(
      `SELECT c.table_name AS tbl, c.column_name AS col,
              pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS seq
         FROM information_schema.columns c
        WHERE c.table_schema = 'public'
          AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL`,
    );
    for (const { tbl, col, seq } of serials) {
      await client.query(
        `SELECT setval($1, COALESCE((SELECT max(${quoteIdent(col)}) FROM ${quoteIdent(tbl)}), 1),
                (SELECT max(${quoteIdent(col)}) FROM ${quoteIdent(tbl)}) IS NOT NULL)`,
        [seq],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  return { rows: count };
}
