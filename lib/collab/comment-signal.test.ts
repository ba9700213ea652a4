import type { Server } from "@hocuspocus/server";
import { collabHooks } from "@/lib/workflow/collab-hooks";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMENT_SIGNAL, WORKFLOW_SIGNAL } from "../comments/signal";
import { withTestDatabase } from "../test/with-test-database";
import { createCollabServer } from "./server";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import {
  connectClient,
  TEST_AUTH_SECRET,
  TEST_ORIGIN,
  waitFor,
  waitSynced,
  type TestClient,
} from "./test-clients";

withTestDatabase("collab-comment-signal");

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let server: Server;
let url: string;
/** Two instances sharing documents through Redis. */
let shared: [Server, Server];
let brief: TestBrief;
let otherBrief: TestBrief;
const clients: TestClient[] = [];

type Listener = { client: TestClient; received: string[] };

async function listener(
  target: TestBrief,
  role: "VIEWER" | "EDITOR" | "APPROVER",
  on = url,
): Promise<Listener> {
  const client = await connectClient({
    url: on,
    briefId: target.briefId,
    user: target.users[role],
    role,
  });
  clients.push(client);
  const received: string[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) => received.push(payload));
  await waitSynced(client);
  return { client, received };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  brief = await createBriefWithMembers();
  otherBrief = await createBriefWithMembers();
  server = createCollabServer({
    ...collabHooks,
    port: 0,
    address: "127.0.0.1",
    allowedOrigins: [TEST_ORIGIN],
  });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
  const redisPrefix = `briefroom-test-${randomUUID()}`;
  shared = [0, 1].map(() =>
    createCollabServer({
      ...collabHooks,
      port: 0,
      address: "127.0.0.1",
      allowedOrigins: [TEST_ORIGIN],
      redisUrl: REDIS_URL,
      redisPrefix,
    }),
  ) as [Server, Server];
  await Promise.all(shared.map((s) => s.listen()));
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all([server, ...(shared ?? [])].map((s) => s?.destroy()));
});

const urlOf = (s: Server) => `ws://127.0.0.1:${s.address.port}`;

describe("comment signal", () => {
  it("relays the comment ping to the brief's other connections only, never back or elsewhere", async () => {
    const editor = await listener(brief, "EDITOR");
    const viewer = await listener(brief, "VIEWER");
    const approver = await listener(brief, "APPROVER");
    const elsewhere = await listener(otherBrief, "EDITOR");

    editor.client.provider.sendStateless(COMMENT_SIGNAL);
    await waitFor(
      () => viewer.received.length === 1 && approver.received.length === 1,
      "the ping at the viewer and the approver",
    );
    // A read-only connection (a viewer allowed to comment) may ping as well.
    viewer.client.provider.sendStateless(' { "type" : "comments" } ');
    await waitFor(() => editor.received.length === 1, "the viewer's ping at the editor");
    await pause(300);

    expect(viewer.received).toEqual([COMMENT_SIGNAL]);
    expect(approver.received).toEqual([COMMENT_SIGNAL, COMMENT_SIGNAL]);
    // The server sends its own constant, not the sender's spelling.
    expect(editor.received).toEqual([COMMENT_SIGNAL]);
    expect(elsewhere.received).toEqual([]);
  });

  it("relays the workflow ping the same way (a review step: open pages refresh)", async () => {
    const editor = await listener(brief, "EDITOR");
    const approver = await listener(brief, "APPROVER");
    approver.client.provider.sendStateless(' {"type": "workflow"}');
    await waitFor(() => editor.received.length === 1, "the workflow ping at the editor");
    await pause(300);
    expect(editor.received).toEqual([WORKFLOW_SIGNAL]);
    expect(approver.received).toEqual([]);
  });

  it("drops anything that is not exactly the ping, so no client content is relayed", async () => {
    const sender = await listener(brief, "EDITOR");
    const receiver = await listener(brief, "APPROVER");
    const hostile = [
      '{"type":"comments","body":"<img src=x onerror=alert(1)>"}',
      '{"type":"comment"}',
      '{"type":"workflow","status":"PUBLISHED"}',
      '["comments"]',
      "comments",
      `{"type":"comments"${" ".repeat(100)}}`,
      "x".repeat(100_000),
      "not json at all",
    ];
    for (const payload of hostile) sender.client.provider.sendStateless(payload);
    // A valid ping afterwards proves the connection is still open and messages were processed in order.
    sender.client.provider.sendStateless(COMMENT_SIGNAL);
    await waitFor(() => receiver.received.length >= 1, "the final valid ping");
    await pause(300);
    expect(receiver.received).toEqual([COMMENT_SIGNAL]);
  });

  it("reaches a co-reader connected to another instance through Redis", async () => {
    const sender = await listener(brief, "EDITOR", urlOf(shared[0]));
    const remote = await listener(brief, "APPROVER", urlOf(shared[1]));
    sender.client.provider.sendStateless('{"type":"comments","smuggled":"x"}');
    sender.client.provider.sendStateless(COMMENT_SIGNAL);
    await waitFor(() => remote.received.length >= 1, "the ping on the other instance");
    await pause(300);
    expect(remote.received).toEqual([COMMENT_SIGNAL]);
    expect(sender.received).toEqual([]);
  });
});
