import type { Server } from "@hocuspocus/server";
import { collabHooks } from "@/lib/workflow/collab-hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCollabServer } from "@/lib/collab/server";
import { createBriefWithMembers } from "@/lib/test/factories";
import {
  appendParagraph,
  connectClient,
  TEST_AUTH_SECRET,
  TEST_ORIGIN,
  waitAcknowledged,
  waitSynced,
} from "@/lib/collab/test-clients";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/test/with-test-database";

withTestDatabase("history-session");

let server: Server;
let url: string;

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  server = createCollabServer({
    ...collabHooks,
    port: 0,
    address: "127.0.0.1",
    allowedOrigins: [TEST_ORIGIN],
    compactAfterMs: 50,
  });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
});

afterAll(async () => {
  await server?.destroy();
});

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sessionSnapshots = (briefId: string) =>
  db.briefSnapshot.findMany({ where: { briefId, reason: "SESSION" } });

describe("session snapshots", () => {
  it("takes a SESSION snapshot when the last editor leaves, none when a reader just visits", async () => {
    const brief = await createBriefWithMembers();
    const editor = await connectClient({ url, briefId: brief.briefId, user: brief.users.EDITOR });
    const other = await connectClient({
      url,
      briefId: brief.briefId,
      user: brief.users.ADMIN,
      role: "ADMIN",
    });
    await Promise.all([waitSynced(editor), waitSynced(other)]);
    appendParagraph(editor.doc, "Bamako checkpoint report");
    await waitAcknowledged(editor);
    editor.destroy();
    // Someone is still in the document: the session goes on.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sessionSnapshots(brief.briefId)).toHaveLength(0);

    other.destroy();
    await eventually(
      async () => (await sessionSnapshots(brief.briefId)).length === 1,
      "a session snapshot",
      10_000,
    );
    const [snapshot] = await sessionSnapshots(brief.briefId);
    expect(snapshot!.contentText).toBe("Bamako checkpoint report");
    expect(snapshot!.authorIds).toEqual([brief.users.EDITOR.id]);

    // A visit without edits records nothing more.
    const reader = await connectClient({
      url,
      briefId: brief.briefId,
      user: brief.users.VIEWER,
      role: "VIEWER",
    });
    await waitSynced(reader);
    reader.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await db.briefSnapshot.count({ where: { briefId: brief.briefId } })).toBe(1);
  });
});
