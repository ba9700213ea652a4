import type { Server } from "@hocuspocus/server";
import { collabHooks } from "@/lib/workflow/collab-hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintCollabToken } from "../auth/collab-token";
import { revokeSessions } from "../auth/revoke-sessions";
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

withTestDatabase("collab-auth");

let server: Server;
let url: string;
let brief: TestBrief;
const clients: TestClient[] = [];

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  brief = await createBriefWithMembers();
  server = createCollabServer({
    ...collabHooks,
    port: 0,
    address: "127.0.0.1",
    allowedOrigins: [TEST_ORIGIN],
  });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.destroy();
});

describe("collab authentication and signing out everywhere", () => {
  it("refuses a token minted before the user signed out everywhere, and accepts a fresh one", async () => {
    const editor = brief.users.EDITOR;
    const mint = (sessionVersion: number) =>
      mintCollabToken({
        userId: editor.id,
        name: editor.name,
        briefId: brief.briefId,
        role: "EDITOR",
        sessionVersion,
      });
    const before = await mint(0);
    const version = await revokeSessions(editor.id);
    expect(version).toBe(1);

    const stale = await connectClient({ url, briefId: brief.briefId, user: editor, token: before });
    clients.push(stale);
    await waitFor(() => stale.refusals.length > 0, "the stale token to be refused");
    expect(stale.refusals[0]).toBe("session-revoked");
    expect(stale.provider.isSynced).toBe(false);

    const fresh = await connectClient({
      url,
      briefId: brief.briefId,
      user: editor,
      token: await mint(version),
    });
    clients.push(fresh);
    await waitSynced(fresh);
    expect(fresh.refusals).toEqual([]);
  });
});
