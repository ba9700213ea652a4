// The committed migrations produce exactly the database schema.prisma describes.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runPrisma } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { shadowFor } from "./test-support";
import type { EmbeddedPostgres } from "./embedded";

const diffArgs = (schema: string) => [
  "migrate",
  "diff",
  "--from-migrations",
  "prisma/migrations",
  "--to-schema",
  schema,
  "--exit-code",
];

describe("migrations vs schema.prisma", () => {
  let database: TestDatabase;
  let shadow: EmbeddedPostgres | undefined;
  const env: Record<string, string> = {};
  const tmp = mkdtempSync(path.join(tmpdir(), "briefroom-drift-"));

  beforeAll(async () => {
    // The diff replays the migrations in a shadow database on this server.
    database = await createTestDatabase("drift");
    shadow = await shadowFor(database);
    if (shadow) env.SHADOW_DATABASE_URL = shadow.url;
  });
  afterAll(async () => {
    await shadow?.stop();
    await database?.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("shows no drift", async () => {
    const output = await runPrisma(diffArgs("prisma/schema.prisma"), database.url, env);
    expect(output).toContain("No difference detected");
  });

  it("would catch drift (exit code 2) if schema.prisma changed without a migration", async () => {
    const schema = readFileSync(path.join(REPO_ROOT, "prisma/schema.prisma"), "utf8");
    const changed = path.join(tmp, "schema.prisma");
    writeFileSync(changed, `${schema}\nmodel DriftProbe {\n  id Int @id\n}\n`);
    await expect(runPrisma(diffArgs(changed), database.url, env)).rejects.toThrow(
      /exit 2[\s\S]*DriftProbe/,
    );
  });
});
