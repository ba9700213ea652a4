import type { Server } from "@hocuspocus/server";
import { collabHooks } from "@/lib/workflow/collab-hooks";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { db } from "../db";
import { updateToText } from "../editor/to-text";
import { withTestDatabase } from "../test/with-test-database";
import { loadBriefState, storedStateAsUpdate } from "../documents/stored-state";
import { briefDocumentName } from "./document-name";
import { createCollabServer } from "./server";
import { isWellFormedUpdate } from "./sync-frame";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
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

withTestDatabase("collab-limits");

const MAX_DOCUMENT_BYTES = 64 * 1024;
let server: Server;
let url: string;
const clients: TestClient[] = [];

async function client(brief: TestBrief): Promise<TestClient> {
  const connected = await connectClient({ url, briefId: brief.briefId, user: brief.users.EDITOR });
  clients.push(connected);
  await waitSynced(connected);
  return connected;
}

/** A Hocuspocus sync frame addressed to `briefId`, carrying `payload` as a document update. */
function updateFrame(briefId: string, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, briefDocumentName(briefId));
  encoding.writeVarUint(encoder, 0); // Sync
  encoding.writeVarUint(encoder, 2); // Update
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function rawSend(target: TestClient, bytes: Uint8Array): void {
  const socket = target.provider.configuration.websocketProvider.webSocket;
  if (!socket) throw new Error("client has no open socket");
  socket.send(bytes);
}

async function storedText(briefId: string): Promise<string> {
  return updateToText(storedStateAsUpdate(await loadBriefState(briefId)));
}

/** Proves the server still works: a fresh edit on `brief` is acknowledged and stored. */
async function stillServes(brief: TestBrief, text: string): Promise<void> {
  const probe = await client(brief);
  appendParagraph(probe.doc, text);
  await waitAcknowledged(probe);
  expect(await storedText(brief.briefId)).toContain(text);
}

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  server = createCollabServer({
    ...collabHooks,
    port: 0,
    address: "127.0.0.1",
    allowedOrigins: [TEST_ORIGIN],
    limits: { maxDocumentBytes: MAX_DOCUMENT_BYTES, messagesPerSecond: 20, messageBurst: 40 },
  });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.destroy();
});

describe("collab limits and malformed input", () => {
  it("closes a connection that sends a message over 5 MiB and keeps serving the others", async () => {
    const [big, other] = [await createBriefWithMembers(), await createBriefWithMembers()];
    const bystander = await client(other);
    const socket = new WebSocket(url, { origin: TEST_ORIGIN });
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    socket.send(updateFrame(big.briefId, new Uint8Array(5 * 1024 * 1024 + 1024)));
    expect(await closed).toBe(1009);

    appendParagraph(bystander.doc, "bystander still editing");
    await waitAcknowledged(bystander);
    expect(await storedText(other.briefId)).toContain("bystander still editing");
  });

  it("survives random bytes, garbage updates and truncated updates without storing them", async () => {
    const brief = await createBriefWithMembers();
    const writer = await client(brief);
    appendParagraph(writer.doc, "legitimate paragraph");
    await waitAcknowledged(writer);

    const real = new Y.Doc();
    appendParagraph(real, "this update gets truncated");
    const update = Y.encodeStateAsUpdate(real);
    const truncatedFrame = updateFrame(brief.briefId, update);
    const attacks = [
      Uint8Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256),
      updateFrame(
        brief.briefId,
        Uint8Array.from({ length: 256 }, (_, i) => (i * 37 + 11) % 256),
      ),
      updateFrame(brief.briefId, update.subarray(0, update.length - 5)),
      truncatedFrame.subarray(0, truncatedFrame.length - 10),
    ];
    for (const attack of attacks) {
      const attacker = await client(brief);
      rawSend(attacker, attack);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));

    await stillServes(brief, "edited after the attacks");
    const rows = await db.briefUpdate.findMany({
      where: { briefId: brief.briefId },
      select: { update: true },
    });
    expect(rows.every((row) => isWellFormedUpdate(row.update))).toBe(true);
    const text = await storedText(brief.briefId);
    expect(text).toBe("legitimate paragraph\nedited after the attacks");
  });

  it("refuses an update that would grow a brief past the document size limit", async () => {
    const brief = await createBriefWithMembers();
    const writer = await client(brief);
    const reasons: string[] = [];
    writer.provider.on("close", ({ event }: { event: { reason: string } }) =>
      reasons.push(event.reason),
    );
    appendParagraph(writer.doc, "x".repeat(MAX_DOCUMENT_BYTES + 1));
    await waitFor(
      () => reasons.includes("document-too-large"),
      "the oversized update to be refused",
    );
    expect(await storedText(brief.briefId)).toBe("");
    expect(await db.briefUpdate.count({ where: { briefId: brief.briefId } })).toBe(0);
  });

  it("closes a connection that floods messages", async () => {
    const brief = await createBriefWithMembers();
    const flooder = await client(brief);
    const reasons: string[] = [];
    flooder.provider.on("close", ({ event }: { event: { reason: string } }) =>
      reasons.push(event.reason),
    );
    for (let i = 0; i < 200; i++) appendParagraph(flooder.doc, `line ${i}`);
    await waitFor(() => reasons.includes("rate-limited"), "the flood to be cut off");
    // The provider reconnects and resends its state in one SyncStep2, so nothing is lost.
    await waitAcknowledged(flooder, 15_000);
    await waitFor(() => paragraphs(flooder.doc).length === 200, "all lines locally");
    const reader = await client(brief);
    await waitFor(() => paragraphs(reader.doc).length === 200, "a fresh reader to see every line");
  });
});
