// The contributor path: edit schema.prisma → `prisma migrate dev --create-only` writes a
// migration through the shim (shadow database and all) → `migrate deploy` applies it,
// including a hand-added PL/pgSQL function whose `$$` body contains semicolons.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runPrisma } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./test-database";

describe("prisma migrate dev --create-only", () => {
  // Inside the repo so that the temporary prisma.config.ts resolves `prisma/config`.
  const work = path.join(REPO_ROOT, ".tmp", `create-only-${process.pid}-${Date.now()}`);
  const config = path.join(work, "prisma.config.ts");
  let database: TestDatabase;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    // A copy of prisma/ so the repository's migrations folder is never touched.
    mkdirSync(work, { recursive: true });
    cpSync(path.join(REPO_ROOT, "prisma", "migrations"), path.join(work, "migrations"), {
      recursive: true,
    });
    cpSync(path.join(REPO_ROOT, "prisma", "schema"), path.join(work, "schema"), {
      recursive: true,
    });
    const core = path.join(work, "schema", "core.prisma");
    const schema = readFileSync(core, "utf8");
    writeFileSync(
      core,
      schema.replace(
        /model Workspace \{\n/,
        'model Workspace {\n  note String? @map("create_only_note")\n',
      ),
    );
    // Same engine choice as the real config: importing it sets PRISMA_SCHEMA_ENGINE_BINARY
    // (to the shim) in this process when no native engine is installed.
    await import("../../prisma.config");
    if (process.env.PRISMA_SCHEMA_ENGINE_BINARY)
      env.PRISMA_SCHEMA_ENGINE_BINARY = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
    writeFileSync(
      config,
      `import { defineConfig } from "prisma/config";
export default defineConfig({
  schema: ${JSON.stringify(path.join(work, "schema"))},
  migrations: { path: ${JSON.stringify(path.join(work, "migrations"))} },
  datasource: { url: process.env.DATABASE_URL, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL },
});
`,
    );
    database = await createTestDatabase("create_only");
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it("writes the migration without applying it, and deploy applies it", async () => {
    const before = new Set(readdirSync(path.join(work, "migrations")));
    await runPrisma(
      ["migrate", "dev", "--create-only", "--name", "workspace_note", "--config", config],
      database.url,
      env,
    );

    const added = readdirSync(path.join(work, "migrations")).filter((name) => !before.has(name));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{14}_workspace_note$/);
    const file = path.join(work, "migrations", added[0]!, "migration.sql");
    const sql = readFileSync(file, "utf8");
    expect(sql).toContain('ALTER TABLE "workspaces" ADD COLUMN     "create_only_note" TEXT');

    const client = new pg.Client(database.url);
    await client.connect();
    try {
      const column = () =>
        client.query(
          "SELECT 1 FROM information_schema.columns WHERE table_name = 'workspaces' AND column_name = 'create_only_note'",
        );
      expect((await column()).rowCount).toBe(0); // created, not applied

      // What contributors do for triggers: append hand-written SQL with a $$ body.
      writeFileSync(
        file,
        `${sql}
CREATE FUNCTION create_only_probe() RETURNS integer AS $$
BEGIN
  PERFORM 1; RETURN 42;
END;
$$ LANGUAGE plpgsql;
`,
      );
      await runPrisma(["migrate", "deploy", "--config", config], database.url, env);
      expect((await column()).rowCount).toBe(1);
      expect((await client.query("SELECT create_only_probe() AS n")).rows[0]).toEqual({ n: 42 });
    } finally {
      await client.end();
    }
  });
});
