// The committed migrations produce exactly the database prisma/schema/*.prisma describes.
import { cpSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runPrisma } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./test-database";

const diffArgs = (schema: string) => [
  "migrate",
  "diff",
  "--from-migrations",
  "prisma/migrations",
  "--to-schema",
  schema,
  "--exit-code",
];

describe("migrations vs the Prisma schema", () => {
  let database: TestDatabase;
  const env: Record<string, string> = {};
  const tmp = mkdtempSync(path.join(tmpdir(), "briefroom-drift-"));

  beforeAll(async () => {
    // The diff replays the migrations in a shadow database on this server.
    database = await createTestDatabase("drift");
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("shows no drift", async () => {
    const output = await runPrisma(diffArgs("prisma/schema"), database.url, env);
    expect(output).toContain("No difference detected");
  });

  it("would catch drift (exit code 2) if the schema changed without a migration", async () => {
    const changed = path.join(tmp, "schema");
    cpSync(path.join(REPO_ROOT, "prisma/schema"), changed, { recursive: true });
    writeFileSync(
      path.join(changed, "drift-probe.prisma"),
      `model DriftProbe {\n  id Int @id\n}\n`,
    );
    await expect(runPrisma(diffArgs(changed), database.url, env)).rejects.toThrow(
      /exit 2[\s\S]*DriftProbe/,
    );
  });
});
