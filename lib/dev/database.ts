import path from "node:path";
import { BIN, ROOT, run, startService } from "./processes";

/**
 * The database the product runs on: DATABASE_URL when set (created if missing), else the
 * embedded PostgreSQL in .data/, started as a child process that Next and the collab server
 * both connect to. Migrations are applied either way.
 */
export async function prepareDatabase(echo = false): Promise<string> {
  let url = process.env.DATABASE_URL;
  if (!url) {
    const { match } = await startService({
      name: "db",
      command: BIN("tsx"),
      args: [path.join(ROOT, "lib/db/embedded-server.ts")],
      ready: /EMBEDDED_DB_READY (\S+)/,
      echo,
    });
    url = match[1]!;
    const dir = process.env.EMBEDDED_DB_DIR ?? ".data/postgres";
    console.log(`Embedded PostgreSQL ready (data in ${path.relative(ROOT, dir) || dir}).`);
  } else {
    const { ensureDatabaseExists } = await import("../db/migrate");
    await ensureDatabaseExists(url);
  }
  const { migrateDeploy } = await import("../db/migrate");
  await migrateDeploy(url);
  return url;
}

export async function generatePrismaClient(): Promise<void> {
  await run(BIN("prisma"), ["generate"], { PRISMA_HIDE_UPDATE_MESSAGE: "1" });
}
