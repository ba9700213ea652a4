// The embedded default: real PostgreSQL 17 from npm on a free port, migrated, used by Prisma
// from several connections at once, restarted from disk, and recovered after a crash.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../generated/prisma/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";
import { migrateDeploy } from "./migrate";

const client = (url: string, max = 10) =>
  new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });

describe("embedded PostgreSQL", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "briefroom-embedded-"));
  const dataDir = path.join(dir, "postgres");
  let running: EmbeddedPostgres | undefined;

  afterAll(async () => {
    await running?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("migrates, serves Prisma, and keeps data across a clean restart and a crash", async () => {
    running = await startEmbeddedPostgres({ dataDir, port: 0 });
    await migrateDeploy(running.url);
    const prisma = client(running.url);
    try {
      const workspace = await prisma.workspace.create({
        data: { slug: "embedded", name: "Embedded" },
      });
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          prisma.user.create({
            data: {
              email: `user${i}@example.org`,
              name: `User ${i}`,
              memberships: { create: { workspaceId: workspace.id, role: "EDITOR" } },
            },
          }),
        ),
      );
    } finally {
      await prisma.$disconnect();
    }

    await running.stop();
    running = await startEmbeddedPostgres({ dataDir, port: 0 });
    const again = client(running.url);
    try {
      expect(await again.user.count()).toBe(20);
      await again.user.create({ data: { email: "after-restart@example.org", name: "Late" } });
    } finally {
      await again.$disconnect();
    }

    // kill -9: committed rows survive (write-ahead log), and the next start recovers.
    process.kill(running.pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 300));
    running = await startEmbeddedPostgres({ dataDir, port: 0 });
    const recovered = client(running.url);
    try {
      expect(await recovered.user.count()).toBe(21);
    } finally {
      await recovered.$disconnect();
    }
  });

  it("answers other connections while one transaction holds rows and waits", async () => {
    // On the old single-backend default, a query on a second connection waited for the
    // first connection's transaction to end: one long import froze every user.
    running ??= await startEmbeddedPostgres({ dataDir, port: 0 });
    const a = client(running.url, 2);
    const b = client(running.url, 2);
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const transaction = a.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(42)`;
          await held;
        },
        { timeout: 20_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      const count = await b.user.count();
      const waited = Date.now() - started;
      release();
      await transaction;
      expect(count).toBe(21);
      // Not a benchmark: the old behaviour was an unbounded wait, which this bounds loosely.
      expect(waited).toBeLessThan(5_000);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });

  it("says which variable to change when the port is taken", async () => {
    running ??= await startEmbeddedPostgres({ dataDir, port: 0 });
    const other = path.join(dir, "second");
    await expect(startEmbeddedPostgres({ dataDir: other, port: running.port })).rejects.toThrow(
      /EMBEDDED_DB_PORT/,
    );
  });
});
