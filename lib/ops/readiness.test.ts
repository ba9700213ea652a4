/**
 * Readiness against the real dependencies: the test database and the Redis at 127.0.0.1:6379
 * answer; a Redis port nobody listens on, and one that accepts but never answers, do not,
 * and each is reported within the probe's timeout rather than hanging the probe.
 */
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { withTestDatabase } from "../test/with-test-database";
import { checkReadiness, processChecks, redisCheck } from "./readiness";

withTestDatabase("ops_readiness");

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A port that was free a moment ago: nothing listens there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

const silent: { server?: Server; sockets: Socket[] } = { sockets: [] };
afterAll(async () => {
  for (const socket of silent.sockets) socket.destroy();
  await new Promise<void>((resolve) =>
    silent.server ? silent.server.close(() => resolve()) : resolve(),
  );
});

describe("readiness", () => {
  it("is ready when the database answers SELECT 1 and Redis answers PING", async () => {
    const readiness = await checkReadiness(processChecks({ client: db, redisUrl: REDIS_URL }));
    expect(readiness.ok).toBe(true);
    expect(Object.keys(readiness.checks).sort()).toEqual(["database", "redis"]);
    expect(readiness.checks.database).toMatchObject({ ok: true });
    expect(readiness.checks.redis).toMatchObject({ ok: true });
  });

  it("checks only the database when no Redis is configured", async () => {
    const readiness = await checkReadiness(processChecks({ client: db }));
    expect(readiness).toMatchObject({ ok: true, checks: { database: { ok: true } } });
    expect(readiness.checks.redis).toBeUndefined();
  });

  it("is not ready when nothing listens on the Redis port, and says so at once", async () => {
    const port = await closedPort();
    const started = Date.now();
    const readiness = await checkReadiness(
      processChecks({ client: db, redisUrl: `redis://:hunter2@127.0.0.1:${port}` }),
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(readiness.ok).toBe(false);
    expect(readiness.checks.database).toMatchObject({ ok: true });
    expect(readiness.checks.redis).toMatchObject({ ok: false });
    const answer = JSON.stringify(readiness);
    expect(answer).toMatch(/ECONNREFUSED|Connection is closed|connect/i);
    // Served unauthenticated: never the URL or its password.
    expect(answer).not.toContain("hunter2");
  });

  it("gives up on a Redis that accepts the connection but never answers", async () => {
    silent.server = createServer((socket) => silent.sockets.push(socket));
    await new Promise<void>((resolve) => silent.server!.listen(0, "127.0.0.1", resolve));
    const address = silent.server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    const started = Date.now();
    const readiness = await checkReadiness(
      { redis: redisCheck(`redis://127.0.0.1:${address.port}`, 5_000) },
      500,
    );
    const took = Date.now() - started;
    expect(readiness).toMatchObject({ ok: false, checks: { redis: { ok: false } } });
    expect(readiness.checks.redis).toMatchObject({ error: "no answer within 500 ms" });
    expect(took).toBeGreaterThanOrEqual(450);
    expect(took).toBeLessThan(2_000);
  });
});
