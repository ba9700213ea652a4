/**
 * `npm start`: everything a newcomer needs, in order — Prisma client, database (embedded by
 * default) with migrations and the demo workspace, a production build, the collaboration
 * server and the web app — then where to open it and how to sign in.
 * `npm run dev` does the same with `next dev` and no build.
 */
import { prepareDatabase, generatePrismaClient } from "./database";
import {
  BIN,
  run,
  startCollab,
  startService,
  stopAll,
  stopAllOnSignals,
  type Env,
} from "./processes";
import { ensureAuthSecret } from "./secret";

const dev = process.argv.includes("--dev");

async function main() {
  const started = Date.now();
  stopAllOnSignals();
  const port = Number(process.env.PORT ?? 3000);
  const collabPort = Number(process.env.COLLAB_PORT ?? 1234);
  const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const secret = ensureAuthSecret();

  await generatePrismaClient();
  const databaseUrl = await prepareDatabase();
  process.env.DATABASE_URL = databaseUrl;
  const { seedDemo } = await import("../demo/seed");
  await seedDemo();

  const env: Env = {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: appUrl,
    COLLAB_URL: process.env.COLLAB_URL ?? `ws://localhost:${collabPort}`,
    COLLAB_PORT: String(collabPort),
    COLLAB_ALLOWED_ORIGINS: process.env.COLLAB_ALLOWED_ORIGINS ?? appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (!dev) await run(BIN("next"), ["build"], env);

  await startCollab(env, true);
  await startService({
    name: "web",
    command: BIN("next"),
    args: [dev ? "dev" : "start", "-p", String(port)],
    env,
    ready: /Ready|started server|Local:/i,
    echo: true,
  });

  const { DEMO_PASSWORD, DEMO_USERS } = await import("../demo/content");
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\nBriefroom is running (ready in ${seconds} s): open ${appUrl}`);
  console.log(`Sign in with password "${DEMO_PASSWORD}" as one of:`);
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(9)}${user.email}`);
  console.log("Press Ctrl+C to stop.\n");
}

main().catch(async (error) => {
  console.error(
    `\nBriefroom could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  await stopAll();
  process.exit(1);
});
