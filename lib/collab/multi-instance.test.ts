import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../test/with-test-database";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import {
  appendParagraph,
  connectClient,
  paragraphs,
  startCollabProcess,
  TEST_AUTH_SECRET,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type CollabProcess,
  type TestClient,
} from "./test-clients";

withTestDatabase("collab-multi");

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let brief: TestBrief;
let instances: CollabProcess[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  brief = await createBriefWithMembers();
  // A prefix of its own, so parallel runs sharing the Redis never hear each other.
  const env = {
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX: `briefroom-test-${randomUUID()}`,
    COLLAB_PORT: "0",
  };
  instances = await Promise.all([startCollabProcess(env), startCollabProcess(env)]);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(instances.map((instance) => instance.kill("SIGTERM")));
});

describe("several collab instances through Redis", () => {
  it("lets clients on different instances co-edit one brief", async () => {
    const [one, two] = instances as [CollabProcess, CollabProcess];
    const a = await connectClient({
      url: one.url,
      briefId: brief.briefId,
      user: brief.users.EDITOR,
    });
    const b = await connectClient({
      url: two.url,
      briefId: brief.briefId,
      user: brief.users.APPROVER,
      role: "APPROVER",
    });
    clients.push(a, b);
    await Promise.all([waitSynced(a), waitSynced(b)]);

    appendParagraph(a.doc, "written on instance one");
    await waitAcknowledged(a);
    await waitFor(
      () => paragraphs(b.doc).includes("written on instance one"),
      "instance two's client to receive it",
    );

    appendParagraph(b.doc, "كتب على الخادم الثاني");
    for (let i = 0; i < 5; i++) {
      appendParagraph(a.doc, `a${i}`);
      appendParagraph(b.doc, `b${i}`);
    }
    await Promise.all([waitAcknowledged(a), waitAcknowledged(b)]);
    await waitFor(
      () => paragraphs(a.doc).length === 12 && paragraphs(b.doc).length === 12,
      "both replicas to have every paragraph",
    );
    expect(paragraphs(a.doc)).toEqual(paragraphs(b.doc));

    // A third client, on instance one, sees what was typed on instance two.
    const c = await connectClient({
      url: one.url,
      briefId: brief.briefId,
      user: brief.users.ADMIN,
      role: "ADMIN",
    });
    clients.push(c);
    await waitSynced(c);
    await waitFor(() => paragraphs(c.doc).length === 12, "a late joiner to see everything");
    expect(paragraphs(c.doc)).toEqual(paragraphs(a.doc));
  });
});
