// A brand-new database → ensureDatabaseExists → migrate deploy → the app's Prisma client.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { quoteIdent, withDatabase } from "./connection-string";
import { ensureDatabaseExists, migrateDeploy } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./test-database";

describe("fresh database", () => {
  let server: TestDatabase | undefined;
  let url = "";
  let created = "";

  afterAll(async () => {
    const { db } = await import("../db");
    await db.$disconnect();
    if (server && !server.embedded && created) {
      const admin = new pg.Client(server.url);
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(created)} WITH (FORCE)`);
      await admin.end();
    }
    await server?.drop();
  });

  it("is created, migrated and usable through lib/db", async () => {
    // Borrow the test server, then target a database that does not exist yet on it.
    server = await createTestDatabase("smoke_server");
    created = `briefroom_test_smoke_${randomBytes(4).toString("hex")}`;
    url = server.embedded ? server.url : withDatabase(server.url, created);

    expect(await ensureDatabaseExists(url)).toBe(!server.embedded);
    expect(await ensureDatabaseExists(url)).toBe(false);
    await migrateDeploy(url);

    process.env.DATABASE_URL = url;
    const { db } = await import("../db");
    const user = await db.user.create({
      data: { email: "smoke@example.org", name: "Smoke", passwordHash: "not-a-real-hash" },
    });
    const workspace = await db.workspace.create({ data: { slug: "smoke", name: "Smoke" } });
    await db.membership.create({
      data: { userId: user.id, workspaceId: workspace.id, role: "ADMIN" },
    });

    const found = await db.workspace.findUniqueOrThrow({
      where: { slug: "smoke" },
      include: { memberships: { include: { user: true } } },
    });
    expect(found.memberships).toHaveLength(1);
    expect(found.memberships[0]?.role).toBe("ADMIN");
    expect(found.memberships[0]?.user.email).toBe("smoke@example.org");
    // The secret column is left out unless asked for by name.
    expect(found.memberships[0]?.user).not.toHaveProperty("passwordHash");
    const withSecret = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });
    expect(withSecret.passwordHash).toBe("not-a-real-hash");

    // Composable transactions: a rolled-back transaction leaves nothing behind.
    await expect(
      db.$transaction(async (tx) => {
        await tx.workspace.create({ data: { slug: "rolled-back", name: "R" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.workspace.count({ where: { slug: "rolled-back" } })).toBe(0);
  });

  it("reports an unreachable server clearly", async () => {
    await expect(ensureDatabaseExists("postgresql://postgres@127.0.0.1:1/nope")).rejects.toThrow(
      /Cannot reach PostgreSQL at 127\.0\.0\.1:1/,
    );
  });
});
