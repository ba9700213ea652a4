// `npm run seed`: the demo workspace, idempotent (see lib/demo/seed.ts).
import { db } from "../lib/db";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/content";
import { seedDemo } from "../lib/demo/seed";

async function main() {
  const { created } = await seedDemo();
  console.log(
    `Demo workspace ready (${created} new rows). Sign in with password "${DEMO_PASSWORD}" as:`,
  );
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(8)} ${user.email}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
