/**
 * The web process's health, readiness and metrics route handlers, called as Next calls them
 * with a real Request, on the test database and the real Redis.
 */
import { afterEach, describe, expect, it } from "vitest";
import { GET as healthz } from "@/app/api/healthz/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { GET as readyz } from "@/app/api/readyz/route";
import { routeParams } from "../test/session-request";
import { withTestDatabase } from "../test/with-test-database";

withTestDatabase("ops_web_routes");

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const base = "http://localhost:3000";
const noParams = routeParams({});

afterEach(() => {
  delete process.env.REDIS_URL;
  delete process.env.METRICS_TOKEN;
});

describe("health and readiness routes", () => {
  it("answers /api/healthz with 200", async () => {
    const response = await healthz(new Request(`${base}/api/healthz`), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers /api/readyz with 200 and each check when the database and Redis answer", async () => {
    process.env.REDIS_URL = REDIS_URL;
    const response = await readyz(new Request(`${base}/api/readyz`), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      checks: { database: { ok: true }, redis: { ok: true } },
    });
  });

  it("answers /api/readyz with 503 when Redis is configured but down", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const response = await readyz(new Request(`${base}/api/readyz`), noParams);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      ok: false,
      checks: { database: { ok: true }, redis: { ok: false } },
    });
  });
});

describe("metrics route", () => {
  it("reads as absent while no METRICS_TOKEN is configured", async () => {
    const response = await metrics(new Request(`${base}/api/metrics`), noParams);
    expect(response.status).toBe(404);
  });

  it("refuses a missing or wrong token and serves Prometheus text for the right one", async () => {
    process.env.METRICS_TOKEN = "scrape-token-0123456789";
    const missing = await metrics(new Request(`${base}/api/metrics`), noParams);
    expect(missing.status).toBe(401);
    const wrong = await metrics(
      new Request(`${base}/api/metrics`, { headers: { authorization: "Bearer scrape-token-x" } }),
      noParams,
    );
    expect(wrong.status).toBe(401);

    const response = await metrics(
      new Request(`${base}/api/metrics`, {
        headers: { authorization: "Bearer scrape-token-0123456789" },
      }),
      noParams,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^# HELP briefroom_nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^briefroom_nodejs_eventloop_lag_seconds\{process="web"\} \d/m);
  });
});
