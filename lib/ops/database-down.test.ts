/**
 * Readiness while the database goes away: a PostgreSQL of the test's own (the shared one is
 * never stopped), stopped under the web process's client and started again. The probe says
 * 503 within a few seconds instead of hanging, and 200 again once the server is back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as readyz } from "@/app/api/readyz/route";
import { db } from "../db";
import { startDisposableServer, type DisposableServer } from "../db/disposable-server";
import { routeParams } from "../test/session-request";
import { checkReadiness, processChecks } from "./readiness";

let server: DisposableServer;

beforeAll(async () => {
  server = await startDisposableServer();
  process.env.DATABASE_URL = server.url;
  delete process.env.REDIS_URL;
}, 120_000);

afterAll(async () => {
  await db.$disconnect().catch(() => undefined);
  await server?.dispose();
}, 60_000);

const probe = () => readyz(new Request("http://localhost:3000/api/readyz"), routeParams({}));

describe("readiness when the database stops", () => {
  it("answers 200, then 503 within seconds of a stop, then 200 once it is back", async () => {
    expect((await probe()).status).toBe(200);

    await server.stop("immediate");
    const started = Date.now();
    const down = await probe();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(down.status).toBe(503);
    const body = (await down.json()) as { ok: boolean; checks: Record<string, { ok: boolean }> };
    expect(body).toMatchObject({ ok: false, checks: { database: { ok: false } } });
    // The probe is served unauthenticated: no connection string in its answer.
    expect(JSON.stringify(body)).not.toContain("postgresql://");
    expect((await checkReadiness(processChecks({ client: db }))).ok).toBe(false);

    await server.start();
    let status = 0;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      status = (await probe()).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
  });
});
