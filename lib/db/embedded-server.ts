/**
 * The embedded PostgreSQL as its own long-lived process: `tsx lib/db/embedded-server.ts`.
 * The start script spawns it when DATABASE_URL is unset so that Next, the collab server
 * and the Prisma CLI (separate processes) share one database. Prints exactly one line
 * `EMBEDDED_DB_READY <url>` on stdout when ready; stops cleanly on SIGINT/SIGTERM.
 *
 * Env: EMBEDDED_DB_DIR (default <repo>/.data/postgres), EMBEDDED_DB_PORT (default 54329).
 */
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";
import { REPO_ROOT } from "./migrate";

async function main(): Promise<void> {
  const dataDir = process.env.EMBEDDED_DB_DIR ?? path.join(REPO_ROOT, ".data", "postgres");
  const embedded = await startEmbeddedPostgres({ dataDir });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    try {
      await embedded.stop();
      process.exit(0);
    } catch (error) {
      console.error(`embedded PostgreSQL did not stop cleanly after ${signal}:`, error);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // The parent may die without signalling us (kill -9): don't linger holding the port.
  process.on("disconnect", () => void stop("disconnect"));
  // A server that dies under us takes this process with it, so whoever supervises it (npm
  // start) starts both again on the same data.
  void embedded.died.then((reason) => {
    console.error(`embedded PostgreSQL stopped unexpectedly (${reason})`);
    process.exit(1);
  });
  console.log(`EMBEDDED_DB_READY ${embedded.url}`);
}

main().catch((error: unknown) => {
  console.error(
    `Embedded PostgreSQL could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
