import type { Server } from "@hocuspocus/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { compactBrief } from "@/lib/collab/compaction";
import { createCollabServer } from "@/lib/collab/server";
import {
  appendParagraph,
  connectClient,
  TEST_AUTH_SECRET,
  TEST_ORIGIN,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type TestClient,
} from "@/lib/collab/test-clients";
import { YDOC_FRAGMENT } from "@/lib/editor/schema";
import { proseMirrorNodeFromYDoc } from "@/lib/editor/to-json";
import { loadLiveDocument } from "@/lib/publishing/live-document";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { collabHooks } from "@/lib/workflow/collab-hooks";
import { collectSuggestions } from "./collect";

withTestDatabase("suggestions-collab-guard");

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

async function editor(): Promise<TestClient> {
  const client = await connectClient({
    url,
    briefId: brief.briefId,
    user: brief.users.EDITOR,
    role: "EDITOR",
  });
  clients.push(client);
  await waitSynced(client);
  return client;
}

function firstText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(YDOC_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

describe("a hostile client's suggestion attributes", () => {
  it("are repaired by the collab server for everyone, and the stored brief reads clean", async () => {
    const hostile = await editor();
    const colleague = await editor();
    appendParagraph(hostile.doc, "Convoy ambushed near Nioro.");
    await waitAcknowledged(hostile);
    firstText(hostile.doc).insert(0, "FORGED ", {
      insertion: { id: "' OR 1=1 --", author: "root", authorName: "z".repeat(50_000), at: {} },
    });
    await waitAcknowledged(hostile);

    const suggestionsOf = (doc: Y.Doc) => collectSuggestions(proseMirrorNodeFromYDoc(doc));
    await waitFor(
      () => suggestionsOf(colleague.doc)[0]?.id.length === 36,
      "the repaired mark at the colleague",
    );
    const [seen] = suggestionsOf(colleague.doc);
    expect(seen).toMatchObject({ inserted: "FORGED ", author: null });
    expect(seen!.authorName).toHaveLength(80);
    // The hostile client gets the repair too.
    await waitFor(() => suggestionsOf(hostile.doc)[0]?.id === seen!.id, "the repair at the sender");

    await compactBrief(brief.briefId, { afterCompaction: collabHooks.afterCompaction });
    const live = await loadLiveDocument(brief.briefId);
    expect(live.pendingSuggestions).toBe(1);
    expect(JSON.stringify(live.json)).not.toContain("OR 1=1");
    expect(JSON.stringify(live.json)).not.toContain("z".repeat(81));
  });
});
