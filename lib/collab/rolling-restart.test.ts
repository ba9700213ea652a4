// 20 editors on one brief through nginx and two collab instances sharing it through Redis,
// while each instance is restarted in turn (SIGTERM, start again): nothing acknowledged is
// lost, and every replica and the database end up with every line typed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDeployment, type Deployment } from "../ops/deploy/deployment";
import { withTestDatabase } from "../test/with-test-database";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import { SERVICE_RESTART } from "./graceful-shutdown";
import { storedParagraphs } from "./stored-paragraphs";
import {
  appendParagraph,
  connectClient,
  paragraphs,
  TEST_AUTH_SECRET,
  TEST_ORIGIN,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type TestClient,
} from "./test-clients";

withTestDatabase("collab-rolling");

const EDITORS = 20;
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let brief: TestBrief;
let deployment: Deployment | undefined;
const clients: TestClient[] = [];
/** Connection ids each instance logged as opened, by user id. */
const opened = new Map<string, Set<string>>();

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  brief = await createBriefWithMembers();
  deployment = await startDeployment({
    web: 0,
    collab: 2,
    port: 0,
    databaseUrl: process.env.DATABASE_URL!,
    redisUrl: REDIS_URL,
    redisPrefix: `briefroom-test-${randomUUID()}`,
    authSecret: TEST_AUTH_SECRET,
    env: { COLLAB_ALLOWED_ORIGINS: TEST_ORIGIN, DATABASE_POOL_SIZE: "5" },
    onLine: (instance, line) => {
      if (!line.includes('"collab.connection.open"')) return;
      const set = opened.get(instance) ?? new Set<string>();
      set.add((JSON.parse(line) as { connectionId: string }).connectionId);
      opened.set(instance, set);
    },
  });
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  await deployment?.stop();
}, 60_000);

describe("a rolling restart of the collab instances under 20 editors", () => {
  it("loses nothing acknowledged and converges", async () => {
    const roles = ["EDITOR", "APPROVER", "ADMIN"] as const;
    for (let i = 0; i < EDITORS; i++) {
      const role = roles[i % roles.length]!;
      clients.push(
        await connectClient({
          url: deployment!.collabUrl,
          briefId: brief.briefId,
          user: brief.users[role],
          role,
        }),
      );
    }
    await Promise.all(clients.map((client) => waitSynced(client, 20_000)));
    // least_conn spread them: both instances serve some of the editors.
    await waitFor(
      () => (opened.get("collab-1")?.size ?? 0) > 0 && (opened.get("collab-2")?.size ?? 0) > 0,
      "both instances to serve editors",
    );

    const typedBy = new Map<TestClient, string[]>(clients.map((client) => [client, []]));
    const ackedBy = new Map<TestClient, string[]>();
    for (const client of clients) {
      client.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
        if (number === 0) ackedBy.set(client, [...typedBy.get(client)!]);
      });
    }
    const acknowledged = () => [...ackedBy.values()].flat();
    let typing = true;
    const typists = clients.map(async (client, index) => {
      for (let i = 0; typing && i < 200; i++) {
        const line = `editor ${index} line ${i}`;
        typedBy.get(client)!.push(line);
        appendParagraph(client.doc, line);
        await new Promise((resolve) => setTimeout(resolve, 250 + ((index * 37) % 100)));
      }
    });

    for (const name of ["collab-1", "collab-2"]) {
      await waitFor(() => acknowledged().length >= 40, "editors to have lines saved", 20_000);
      const before = acknowledged();
      await deployment!.restart(name);
      const stored = await storedParagraphs(brief.briefId);
      const missing = before.filter((line) => !stored.includes(line));
      expect(missing).toEqual([]);
      // Let the editors type on the restarted pair for a while before the next one goes.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    typing = false;
    await Promise.all(typists);

    // The editors of each drained instance were told to reconnect, not cut off.
    expect(clients.some((client) => client.closeCodes.includes(SERVICE_RESTART.code))).toBe(true);
    expect(clients.every((client) => client.refusals.length === 0)).toBe(true);

    await Promise.all(clients.map((client) => waitAcknowledged(client, 30_000)));
    const typed = [...typedBy.values()].flat().sort();
    await waitFor(
      () => clients.every((client) => paragraphs(client.doc).length === typed.length),
      "every replica to hold every line",
      30_000,
    );
    const first = paragraphs(clients[0]!.doc);
    for (const client of clients) expect(paragraphs(client.doc)).toEqual(first);
    expect([...first].sort()).toEqual(typed);
    expect((await storedParagraphs(brief.briefId)).sort()).toEqual(typed);
  }, 180_000);
});
