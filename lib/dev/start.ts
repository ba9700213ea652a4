/**
 * `npm start`: everything a newcomer needs, in order — Prisma client, database (embedded by
 * default) with migrations and the demo workspace, a production build, the collaboration
 * server and the web app — then where to open it and how to sign in.
 * `npm run dev` does the same with `next dev` and no build.
 */
import { prepareDatabase, generatePrismaClient } from "./database";
import {
  BIN,
  collabService,
  run,
  superviseService,
  stopAll,
  stopAllOnSignals,
  type Env,
} from "./processes";
import { ensureAuthSecret } from "./secret";
import {
  BUILD_INPUTS,
  BUILD_STAMP,
  PRISMA_INPUTS,
  PRISMA_STAMP,
  buildEnvFingerprint,
  buildIsCurrent,
  hashInputs,
  prismaClientIsCurrent,
  writeStamp,
} from "./build-stamp";

const dev = process.argv.includes("--dev");

async function main() {
  const started = Date.now();
  stopAllOnSignals();
  const port = Number(process.env.PORT ?? 3000);
  const collabPort = Number(process.env.COLLAB_PORT ?? 1234);
  const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const secret = ensureAuthSecret();

  // The Prisma client only changes with the schema (or Prisma's version); reuse it otherwise.
  const prismaStamp = hashInputs(PRISMA_INPUTS);
  if (!prismaClientIsCurrent(prismaStamp)) {
    await generatePrismaClient();
    writeStamp(PRISMA_STAMP, prismaStamp);
  }
  const databaseUrl = await prepareDatabase();
  process.env.DATABASE_URL = databaseUrl;
  const { seedDemo } = await import("../demo/seed");
  // The demo is seeded while the build is checked and the servers start; the address is
  // printed only once it is there.
  const seeding = seedDemo();
  seeding.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile

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

  if (!dev) {
    // A second start with unchanged code reuses the last build instead of waiting for a new one.
    const buildStamp = hashInputs(BUILD_INPUTS, buildEnvFingerprint(env));
    if (buildIsCurrent(buildStamp)) {
      console.log("Code unchanged since the last build; reusing it.");
    } else {
      await run(BIN("next"), ["build"], env);
      writeStamp(BUILD_STAMP, buildStamp);
    }
  }

  // Both servers are supervised: one that crashes is started again with the same settings.
  // They need nothing of each other to start, so they start side by side.
  await Promise.all([
    superviseService(collabService(env, true)),
    superviseService({
      name: "web",
      command: BIN("next"),
      args: [dev ? "dev" : "start", "-p", String(port)],
      env,
      ready: /Ready|started server|Local:/i,
      echo: true,
    }),
  ]);

  await seeding;
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
