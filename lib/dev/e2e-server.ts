/**
 * The web server Playwright starts: a fresh migrated database, the demo workspace, the
 * collaboration server and `next start` on the ports chosen by the test runner. Everything it
 * made is dropped when Playwright stops it.
 *
 * E2E_DATABASE=embedded runs the journeys on the embedded default exactly as `npm start`
 * makes it (same start code, an empty data directory); otherwise a fresh database on the real
 * PostgreSQL test server.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./database";
import {
  BIN,
  ROOT,
  collabService,
  freePort,
  stopAll,
  superviseService,
  type Env,
} from "./processes";

/**
 * The process id of each running service, rewritten on every restart, so a journey can kill
 * one the way a crash would and watch it come back. Read by e2e/supervision.spec.ts.
 */
// Named after the web port, so two runs side by side (each on its own port) never mix them up.
const SERVICES_FILE = path.join(ROOT, ".tmp", `e2e-services-${process.env.E2E_PORT ?? 3107}.json`);
const pids: Record<string, number | undefined> = {};
function recordPid(name: string) {
  return (child: { pid?: number }) => {
    pids[name] = child.pid;
    mkdirSync(path.dirname(SERVICES_FILE), { recursive: true });
    writeFileSync(SERVICES_FILE, JSON.stringify(pids));
  };
}

type Database = { url: string; drop(): Promise<void> };

async function embeddedAsNpmStart(): Promise<Database> {
  // Under .tmp/ (ignored, cleared here) rather than /tmp: a run killed before it could clean
  // up leaves nothing behind outside the checkout.
  const parent = path.join(ROOT, ".tmp", "e2e-embedded");
  rmSync(parent, { recursive: true, force: true });
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, "run-"));
  delete process.env.DATABASE_URL;
  process.env.EMBEDDED_DB_DIR = path.join(dir, "postgres");
  process.env.EMBEDDED_DB_PORT = String(await freePort());
  const url = await prepareDatabase();
  // The embedded server is a child service: stopAll() stops it; then its folder goes.
  return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** The app connects as the runtime role, as it does on `npm start`'s embedded default. */
function runtimeDatabase(database: {
  url: string;
  runtimeUrl?: string;
  drop(): Promise<void>;
}): Database {
  return { url: database.runtimeUrl ?? database.url, drop: database.drop };
}

async function main() {
  const port = Number(process.env.E2E_PORT ?? 3107);
  const collabPort = Number(process.env.E2E_COLLAB_PORT ?? 3108);
  const { createTestDatabase } = await import("../db/test-database");
  const database: Database =
    process.env.E2E_DATABASE === "embedded"
      ? await embeddedAsNpmStart()
      : await runtimeDatabase(await createTestDatabase("e2e", { runtimeRole: true }));
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
  // Supervised as `npm start` supervises them, so the journeys cover a crash and its restart.
  await superviseService({ ...collabService(env, false), onStart: recordPid("collab") });
  await superviseService({
    name: "web",
    onStart: recordPid("web"),
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
