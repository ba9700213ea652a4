import type { Server } from "@hocuspocus/server";
import { collabHooks } from "@/lib/workflow/collab-hooks";
import { SignJWT } from "jose";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { mintCollabToken } from "../auth/collab-token";
import { db } from "../db";
import { updateToText } from "../editor/to-text";
import { withTestDatabase } from "../test/with-test-database";
import { loadBriefState, storedStateAsUpdate } from "../documents/stored-state";
import { briefDocumentName } from "./document-name";
import { createCollabServer } from "./server";
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

withTestDatabase("collab-server");

let server: Server;
let url: string;
let brief: TestBrief;
const clients: TestClient[] = [];

async function client(
  options: Omit<Parameters<typeof connectClient>[0], "url">,
): Promise<TestClient> {
  const connected = await connectClient({ url, ...options });
  clients.push(connected);
  return connected;
}

async function storedText(briefId: string): Promise<string> {
  return updateToText(storedStateAsUpdate(await loadBriefState(briefId)));
}

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

describe("collab server", () => {
  it("lets two editors converge and stores every acknowledged update", async () => {
    const a = await client({ briefId: brief.briefId, user: brief.users.EDITOR });
    const b = await client({
      briefId: brief.briefId,
      user: brief.users.APPROVER,
      role: "APPROVER",
    });
    await Promise.all([waitSynced(a), waitSynced(b)]);

    appendParagraph(a.doc, "Convoy delayed at the crossing");
    appendParagraph(b.doc, "اشتباكات في المدينة");
    await Promise.all([waitAcknowledged(a), waitAcknowledged(b)]);
    await waitFor(
      () => paragraphs(a.doc).length === 2 && paragraphs(b.doc).length === 2,
      "both edits on both clients",
    );

    expect(paragraphs(a.doc)).toEqual(paragraphs(b.doc));
    const text = await storedText(brief.briefId);
    expect(text).toContain("Convoy delayed at the crossing");
    expect(text).toContain("اشتباكات في المدينة");
    const authors = await db.briefUpdate.findMany({
      where: { briefId: brief.briefId },
      select: { userId: true },
    });
    expect(new Set(authors.map((row) => row.userId))).toEqual(
      new Set([brief.users.EDITOR.id, brief.users.APPROVER.id]),
    );
  });

  it("connects a viewer read-only: its updates are neither applied, acknowledged nor stored", async () => {
    const editor = await client({ briefId: brief.briefId, user: brief.users.EDITOR });
    const viewer = await client({
      briefId: brief.briefId,
      user: brief.users.VIEWER,
      role: "VIEWER",
    });
    await Promise.all([waitSynced(editor), waitSynced(viewer)]);
    expect(viewer.provider.authorizedScope).toBe("readonly");

    appendParagraph(viewer.doc, "viewer tries to write");
    appendParagraph(editor.doc, "editor writes after the viewer");
    await waitAcknowledged(editor);
    await waitFor(
      () => paragraphs(viewer.doc).includes("editor writes after the viewer"),
      "the viewer to receive the editor's edit",
    );

    expect(viewer.provider.hasUnsyncedChanges).toBe(true);
    expect(paragraphs(editor.doc)).not.toContain("viewer tries to write");
    expect(await storedText(brief.briefId)).not.toContain("viewer tries to write");
    expect(await db.briefUpdate.count({ where: { userId: brief.users.VIEWER.id } })).toBe(0);
  });

  it("refuses forged, expired, other-brief, outsider and unknown-brief tokens", async () => {
    const other = await createBriefWithMembers();
    const editor = brief.users.EDITOR;
    const forged = await new SignJWT({ name: editor.name, briefId: brief.briefId, role: "ADMIN" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(editor.id)
      .setAudience("briefroom-collab")
      .setIssuer("briefroom-web")
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("an-attacker-secret-that-is-long-enough-000"));
    const expired = await mintCollabToken(
      { userId: editor.id, name: editor.name, briefId: brief.briefId, role: "EDITOR" },
      -5,
    );
    const forOtherBrief = await mintCollabToken({
      userId: other.users.EDITOR.id,
      name: other.users.EDITOR.name,
      briefId: other.briefId,
      role: "EDITOR",
    });
    const unknownBriefId = randomUUID();

    const attempts = await Promise.all([
      client({ briefId: brief.briefId, user: editor, token: forged }),
      client({ briefId: brief.briefId, user: editor, token: expired }),
      client({ briefId: brief.briefId, user: other.users.EDITOR, token: forOtherBrief }),
      client({ briefId: brief.briefId, user: brief.users.outsider }),
      client({ briefId: unknownBriefId, user: editor }),
    ]);
    await waitFor(
      () => attempts.every((attempt) => attempt.refusals.length > 0),
      "every attempt to be refused",
    );
    expect(attempts.map((attempt) => attempt.refusals[0])).toEqual([
      "invalid-token",
      "token-expired",
      "token-for-another-brief",
      "forbidden",
      "forbidden",
    ]);
    expect(attempts.some((attempt) => attempt.provider.isSynced)).toBe(false);
  });

  it("refuses a WebSocket from another Origin, or with none, before the handshake", async () => {
    const statusOf = (origin: string | undefined) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(url, origin ? { origin } : {});
        socket.on("unexpected-response", (_request, response) => {
          resolve(response.statusCode ?? 0);
          socket.terminate();
        });
        socket.on("open", () => {
          socket.close();
          resolve(101);
        });
        socket.on("error", (error) => reject(error));
      });
    expect(await statusOf("https://evil.example")).toBe(403);
    expect(await statusOf(undefined)).toBe(403);
    expect(await statusOf(TEST_ORIGIN)).toBe(101);

    const wrongOrigin = await client({
      briefId: brief.briefId,
      user: brief.users.EDITOR,
      origin: "https://evil.example",
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(wrongOrigin.provider.isSynced).toBe(false);
    expect(wrongOrigin.provider.isAuthenticated).toBe(false);
  });

  it("drops awareness states that claim another identity", async () => {
    const observer = await client({
      briefId: brief.briefId,
      user: brief.users.APPROVER,
      role: "APPROVER",
    });
    const spoofer = await client({ briefId: brief.briefId, user: brief.users.EDITOR });
    const honest = await client({
      briefId: brief.briefId,
      user: brief.users.VIEWER,
      role: "VIEWER",
    });
    await Promise.all([waitSynced(observer), waitSynced(spoofer), waitSynced(honest)]);

    spoofer.provider.setAwarenessField("user", {
      id: brief.users.ADMIN.id,
      name: brief.users.ADMIN.name,
      color: "#f00",
    });
    honest.provider.setAwarenessField("user", {
      id: brief.users.VIEWER.id,
      name: brief.users.VIEWER.name,
      color: "#0a0",
    });
    const seen = () => observer.provider.awareness!.getStates();
    await waitFor(
      () => seen().get(honest.doc.clientID)?.user !== undefined,
      "the honest presence to arrive",
    );
    // Both updates were sent before the honest one arrived; give the spoofed one the same time again.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(seen().get(honest.doc.clientID)?.user).toMatchObject({ id: brief.users.VIEWER.id });
    expect(seen().get(spoofer.doc.clientID)?.user).toBeUndefined();
    const claimedIds = [...seen().values()].map(
      (state) => (state.user as { id?: string } | undefined)?.id,
    );
    expect(claimedIds).not.toContain(brief.users.ADMIN.id);
  });

  it("logs changes made on the server itself (direct connections)", async () => {
    const own = await createBriefWithMembers();
    const direct = await server.hocuspocus.openDirectConnection(briefDocumentName(own.briefId));
    await direct.transact((document) => appendParagraph(document, "restored by the server"));
    await direct.disconnect();
    // Server-side changes are logged from onChange, which Hocuspocus does not await.
    let text = "";
    for (let attempt = 0; attempt < 100 && text === ""; attempt++) {
      text = await storedText(own.briefId);
      if (text === "") await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(text).toBe("restored by the server");
    const rows = await db.briefUpdate.findMany({
      where: { briefId: own.briefId },
      select: { userId: true },
    });
    expect(rows.every((row) => row.userId === null)).toBe(true);
  });

  it("with broadcastBeforeCommit, still acknowledges only what is stored", async () => {
    const early = createCollabServer({
      ...collabHooks,
      port: 0,
      address: "127.0.0.1",
      allowedOrigins: [TEST_ORIGIN],
      broadcastBeforeCommit: true,
    });
    await early.listen();
    try {
      const own = await createBriefWithMembers();
      const earlyUrl = `ws://127.0.0.1:${early.address.port}`;
      const a = await connectClient({
        url: earlyUrl,
        briefId: own.briefId,
        user: own.users.EDITOR,
      });
      const b = await connectClient({ url: earlyUrl, briefId: own.briefId, user: own.users.ADMIN });
      clients.push(a, b);
      await Promise.all([waitSynced(a), waitSynced(b)]);
      for (let i = 0; i < 5; i++) appendParagraph(a.doc, `early ${i}`);
      await waitAcknowledged(a);
      // Acknowledged means committed: read the log right away, no waiting.
      const stored = (await storedText(own.briefId)).split("\n");
      expect(stored).toEqual(["early 0", "early 1", "early 2", "early 3", "early 4"]);
      await waitFor(() => paragraphs(b.doc).length === 5, "the peer to receive the edits");
    } finally {
      await early.destroy();
    }
  });
});
