/**
 * The web server Playwright starts: a fresh migrated database on the real PostgreSQL (or the
 * embedded one), the demo workspace, the collaboration server and `next start` on the ports
 * chosen by the test runner. Everything it made is dropped when Playwright stops it.
 */
import { randomBytes } from "node:crypto";
import { BIN, startCollab, startService, stopAll, type Env } from "./processes";

async function main() {
  const port = Number(process.env.E2E_PORT ?? 3107);
  const collabPort = Number(process.env.E2E_COLLAB_PORT ?? 3108);
  const { createTestDatabase } = await import("../db/test-database");
  const database = await createTestDatabase("e2e");
  process.env.DATABASE_URL = database.url;
  const { seedDemo } = await import("../demo/seed");
  await seedDemo();

  let stopping = false;
  async function shutdown() {
    if (stopping) return;
    stopping = true;
    await stopAll();
    const { db } = await import("../db");
    await db.$disconnect().catch(() => undefined);
    await database
      .drop()
      .catch((error: unknown) => console.error("could not drop e2e database", error));
    process.exit(0);
  }
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());

  const appUrl = `http://127.0.0.1:${port}`;
  const secret = randomBytes(32).toString("base64url");
  const env: Env = {
    DATABASE_URL: database.url,
    AUTH_SECRET: secret,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: appUrl,
    COLLAB_URL: `ws://127.0.0.1:${collabPort}`,
    COLLAB_PORT: String(collabPort),
    COLLAB_ALLOWED_ORIGINS: appUrl,
    REDIS_URL: process.env.REDIS_URL ?? "",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  await startCollab(env, false);
  await startService({
    name: "web",
    command: BIN("next"),
    args: ["start", "-p", String(port), "-H", "127.0.0.1"],
    env,
    ready: /Ready|started server|Local:/i,
  });
  console.log(`E2E_READY ${appUrl}`);
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
