/**
 * The collab port's /healthz, /readyz and /metrics, on a real collab server with a real
 * editor connected over a WebSocket, on the test database.
 */
import { Server } from "@hocuspocus/server";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collabHooks } from "@/lib/workflow/collab-hooks";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import { db } from "../db";
import { processChecks } from "../ops/readiness";
import { withTestDatabase } from "../test/with-test-database";
import { OpsEndpointsExtension } from "./ops-endpoints";
import { createCollabServer } from "./server";
import {
  appendParagraph,
  connectClient,
  TEST_AUTH_SECRET,
  waitAcknowledged,
  waitSynced,
  type TestClient,
} from "./test-clients";

withTestDatabase("collab_ops_endpoints");

let server: Server;
let http: string;
let brief: TestBrief;
const clients: TestClient[] = [];
const others: Server[] = [];

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  delete process.env.METRICS_TOKEN;
  brief = await createBriefWithMembers();
  server = createCollabServer({
    ...collabHooks,
    port: 0,
    address: "127.0.0.1",
    allowedOrigins: ["http://app.briefroom.test"],
    // Short, so the test sees a store round (compaction) finish.
    compactAfterMs: 50,
  });
  await server.listen();
  http = `http://127.0.0.1:${server.address.port}`;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const other of others) await other.destroy();
  await server?.destroy();
});

/** The value of one sample line, e.g. `briefroom_collab_connections{process="collab"}`. */
function sample(text: string, name: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  if (!line) throw new Error(`${name} missing from:\n${text}`);
  return Number(line.slice(line.lastIndexOf(" ") + 1));
}

async function metricsText(): Promise<string> {
  const response = await fetch(`${http}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

describe("collab ops endpoints", () => {
  it("answers /healthz and /readyz, and leaves other paths to Hocuspocus", async () => {
    const health = await fetch(`${http}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const ready = await fetch(`${http}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, checks: { database: { ok: true } } });

    const other = await fetch(`${http}/`);
    expect(await other.text()).toBe("Welcome to Hocuspocus!");
  });

  it("counts one connection and one loaded brief, and the updates it stores", async () => {
    const before = await metricsText();
    expect(sample(before, "briefroom_collab_connections")).toBe(0);
    expect(sample(before, "briefroom_collab_documents_loaded")).toBe(0);

    const editor = await connectClient({
      url: `ws://127.0.0.1:${server.address.port}`,
      briefId: brief.briefId,
      user: brief.users.EDITOR,
    });
    clients.push(editor);
    await waitSynced(editor);
    appendParagraph(editor.doc, "Checkpoint moved north of Kayes");
    await waitAcknowledged(editor);

    const during = await metricsText();
    expect(sample(during, "briefroom_collab_connections")).toBe(1);
    expect(sample(during, "briefroom_collab_documents_loaded")).toBe(1);
    expect(sample(during, "briefroom_collab_update_log_rows_total")).toBeGreaterThanOrEqual(1);
    expect(sample(during, "briefroom_collab_update_log_batches_total")).toBeGreaterThanOrEqual(1);
    expect(sample(during, "briefroom_collab_update_append_seconds_count")).toBeGreaterThanOrEqual(
      1,
    );
    expect(sample(during, "briefroom_nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
    // Metrics never carry document text.
    expect(during).not.toContain("Kayes");

    // The compaction after the edit is timed as one store round.
    let stores = 0;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && stores === 0;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stores = sample(await metricsText(), "briefroom_collab_store_seconds_count");
    }
    expect(stores).toBeGreaterThanOrEqual(1);
  });

  it("answers 503 on /readyz when a dependency is down, and guards /metrics by token", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const address = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    if (!address || typeof address === "string") throw new Error("no port");

    const other = new Server({
      port: 0,
      address: "127.0.0.1",
      quiet: true,
      stopOnSignals: false,
      extensions: [
        new OpsEndpointsExtension({
          checks: processChecks({ client: db, redisUrl: `redis://127.0.0.1:${address.port}` }),
          metricsToken: "collab-scrape-token",
        }),
      ],
    });
    others.push(other);
    await other.listen();
    const base = `http://127.0.0.1:${other.address.port}`;

    const started = Date.now();
    const ready = await fetch(`${base}/readyz`);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      ok: false,
      checks: { database: { ok: true }, redis: { ok: false } },
    });

    // With a token configured, loopback alone is not enough.
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${base}/metrics`, {
      headers: { authorization: "Bearer collab-scrape-token" },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/^briefroom_collab_connections\{process="collab"\} 0$/m);
  });
});
