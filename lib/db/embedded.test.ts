// The embedded default: PGlite on a free port, migrated, used by Prisma, restarted from disk.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../generated/prisma/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";
import { migrateDeploy } from "./migrate";

describe("embedded PostgreSQL (PGlite)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "briefroom-embedded-"));
  const dataDir = path.join(dir, "pglite");
  let running: EmbeddedPostgres | undefined;

  afterAll(async () => {
    await running?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("migrates, serves Prisma with concurrent queries, and keeps data across restarts", async () => {
    running = await startEmbeddedPostgres({ dataDir, port: 0 });
    await migrateDeploy(running.url);

    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: running.url, max: 10 }),
    });
    try {
      const workspace = await prisma.workspace.create({
        data: { slug: "embedded", name: "Embedded" },
      });
      // More parallel work than pool connections: the socket server queues it safely.
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
      const counts = await Promise.all(
        Array.from({ length: 10 }, () =>
          prisma.$transaction(async (tx) =>
            tx.membership.count({ where: { workspaceId: workspace.id } }),
          ),
        ),
      );
      expect(counts).toEqual(Array(10).fill(20));
    } finally {
      await prisma.$disconnect();
    }

    // Two PGlite instances on one data directory would corrupt it.
    await expect(startEmbeddedPostgres({ dataDir, port: 0 })).rejects.toThrow(/already open/);
    await running.stop();
    running = await startEmbeddedPostgres({ dataDir, port: 0 });
    const again = new PrismaClient({ adapter: new PrismaPg({ connectionString: running.url }) });
    try {
      expect(await again.user.count()).toBe(20);
    } finally {
      await again.$disconnect();
    }
  });
});
