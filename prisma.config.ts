// Prisma CLI configuration (Prisma 7 reads the database URL from here, not from schema.prisma).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const SHIM = path.join(root, "prisma", "engine", "schema-engine.mjs");

/**
 * True when a native `schema-engine-<platform>` binary is where the CLI looks
 * for it (downloaded by @prisma/engines' postinstall on a machine with network
 * access, or through PRISMA_ENGINES_MIRROR).
 */
function hasNativeSchemaEngine(): boolean {
  const dirs = ["node_modules/@prisma/engines", "node_modules/prisma", "node_modules"];
  return dirs.some((dir) => {
    const full = path.join(root, dir);
    return existsSync(full) && readdirSync(full).some((f) => f.startsWith("schema-engine-"));
  });
}

// Offline, no native engine can be downloaded: use our WASM-based shim
// (prisma/engine/). An explicit PRISMA_SCHEMA_ENGINE_BINARY always wins.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !hasNativeSchemaEngine()) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = SHIM;
}

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  // Left undefined when unset so `prisma generate` works without a database;
  // migrate commands then fail with Prisma's own "datasource.url is required".
  datasource: {
    url: process.env.DATABASE_URL,
    ...(process.env.SHADOW_DATABASE_URL
      ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL }
      : {}),
  },
});
