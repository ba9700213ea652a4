/**
 * `npm run backup -- --out FILE` / `npm run restore -- --from FILE [--to URL]`.
 * Backup reads MIGRATION_DATABASE_URL (or DATABASE_URL); restore writes to --to or
 * MIGRATION_DATABASE_URL (or DATABASE_URL), an empty database. See backup.ts for the formats.
 */
import { parseArgs } from "node:util";
import { backup, restore } from "./backup";

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { out: { type: "string" }, from: { type: "string" }, to: { type: "string" } },
  });
  const url = values.to ?? (process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL);
  if (!url)
    throw new Error("Set MIGRATION_DATABASE_URL (the owner of the tables) or DATABASE_URL.");
  if (command === "backup") {
    if (!values.out) throw new Error("Usage: npm run backup -- --out FILE");
    const { format } = await backup(url, values.out);
    console.log(`Backup written to ${values.out} (${format}).`);
  } else if (command === "restore") {
    if (!values.from) throw new Error("Usage: npm run restore -- --from FILE [--to URL]");
    const { format } = await restore(url, values.from);
    console.log(`Restored ${values.from} (${format}).`);
  } else {
    throw new Error("Usage: cli.ts backup|restore …");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
