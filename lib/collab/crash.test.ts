import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
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

withTestDatabase("collab-crash");

let brief: TestBrief;
const processes: CollabProcess[] = [];
const clients: TestClient[] = [];

async function start(port = 0): Promise<CollabProcess> {
  const started = await startCollabProcess({
    DATABASE_URL: process.env.DATABASE_URL,
    COLLAB_PORT: String(port),
  });
  processes.push(started);
  return started;
}

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  brief = await createBriefWithMembers();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(processes.map((p) => p.kill("SIGKILL")));
});

describe("crash safety", () => {
  it("keeps every acknowledged edit through kill -9", async () => {
    const first = await start();
    const a = await connectClient({
      url: first.url,
      briefId: brief.briefId,
      user: brief.users.EDITOR,
    });
    const b = await connectClient({
      url: first.url,
      briefId: brief.briefId,
      user: brief.users.ADMIN,
      role: "ADMIN",
    });
    clients.push(a, b);
    await Promise.all([waitSynced(a), waitSynced(b)]);

    const acknowledged: string[] = [];
    for (let round = 0; round < 10; round++) {
      const lines = [`A${round}: العربية ${round}`, `B${round}: English ${round}`];
      appendParagraph(a.doc, lines[0]!);
      appendParagraph(b.doc, lines[1]!);
      await Promise.all([waitAcknowledged(a), waitAcknowledged(b)]);
      acknowledged.push(...lines);
    }
    // Right after the last acknowledgement, well inside the compaction debounce: what
    // survives must come from the update log.
    await first.kill("SIGKILL");
    expect(first.child.signalCode).toBe("SIGKILL");
    // No snapshot was written before the kill: recovery below can only come from the log.
    expect(await db.briefDocument.count({ where: { briefId: brief.briefId } })).toBe(0);
    expect(
      await db.briefUpdate.count({ where: { briefId: brief.briefId } }),
    ).toBeGreaterThanOrEqual(20);

    const second = await start(first.port);
    const fresh = await connectClient({
      url: second.url,
      briefId: brief.briefId,
      user: brief.users.VIEWER,
      role: "VIEWER",
    });
    clients.push(fresh);
    await waitSynced(fresh, 15_000);
    const recovered = paragraphs(fresh.doc);
    for (const line of acknowledged) expect(recovered).toContain(line);

    // The original clients reconnect on their own and converge with the restarted server.
    appendParagraph(a.doc, "after restart");
    await waitAcknowledged(a, 15_000);
    await waitFor(
      () => paragraphs(fresh.doc).includes("after restart"),
      "the post-restart edit to reach the fresh client",
      15_000,
    );
    await waitFor(
      () => paragraphs(b.doc).join("|") === paragraphs(a.doc).join("|"),
      "the reconnected clients to converge",
      15_000,
    );
  });
});
