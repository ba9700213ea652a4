import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../dev/processes";
import { withTestDatabase } from "../test/with-test-database";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import { SERVICE_RESTART } from "./graceful-shutdown";
import { storedParagraphs } from "./stored-paragraphs";
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

withTestDatabase("collab-graceful");

let brief: TestBrief;
const processes: CollabProcess[] = [];
const clients: TestClient[] = [];

async function start(port: number): Promise<CollabProcess> {
  const started = await startCollabProcess({
    DATABASE_URL: process.env.DATABASE_URL,
    COLLAB_PORT: String(port),
    LOG_FORMAT: "json",
  });
  processes.push(started);
  return started;
}

function exited(process: CollabProcess): Promise<number | null> {
  const { child } = process;
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  brief = await createBriefWithMembers();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(processes.map((p) => p.kill("SIGKILL")));
});

describe("a collab instance stopped with SIGTERM", () => {
  it("stores what it acknowledged, tells editors to reconnect, and they carry on after it is back", async () => {
    const port = await freePort();
    const first = await start(port);
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

    // Typing goes on while the signal arrives: some lines are acknowledged, some in flight.
    // A client's lines are all acknowledged whenever its count of unsynced changes is 0.
    const typed: string[] = [];
    const acked = new Map<TestClient, string[]>();
    const typedBy = new Map<TestClient, string[]>([
      [a, []],
      [b, []],
    ]);
    for (const client of [a, b]) {
      client.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
        if (number === 0) acked.set(client, [...typedBy.get(client)!]);
      });
    }
    const acknowledged = () => [...(acked.get(a) ?? []), ...(acked.get(b) ?? [])];
    let typing = true;
    const typist = (async () => {
      for (let i = 0; typing && i < 400; i++) {
        const line = `line ${i} — سطر ${i}`;
        const client = i % 2 ? a : b;
        typedBy.get(client)!.push(line);
        appendParagraph(client.doc, line);
        typed.push(line);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    await waitFor(() => acknowledged().length >= 20, "some acknowledged lines", 15_000);

    const ackedBeforeSignal = acknowledged();
    first.child.kill("SIGTERM");
    const code = await exited(first);
    typing = false;
    await typist;

    // A clean exit after draining, and the reconnect hint on both editors' sockets.
    expect(code).toBe(0);
    expect(first.output()).toContain('"event":"collab.drain.done"');
    expect(a.closeCodes).toContain(SERVICE_RESTART.code);
    expect(b.closeCodes).toContain(SERVICE_RESTART.code);
    // Everything acknowledged before the signal is in the database, and drained into it
    // (nothing left only in the process's memory).
    const stored = await storedParagraphs(brief.briefId);
    for (const line of ackedBeforeSignal) expect(stored).toContain(line);

    // Back on the same port: the editors reconnect by themselves, resend what was not
    // acknowledged, and both replicas and the database end up with every line typed.
    await start(port);
    await Promise.all([waitAcknowledged(a, 20_000), waitAcknowledged(b, 20_000)]);
    await waitFor(
      () => paragraphs(a.doc).length === typed.length && paragraphs(b.doc).length === typed.length,
      "both replicas to hold every line",
      20_000,
    );
    expect(paragraphs(a.doc)).toEqual(paragraphs(b.doc));
    const after = await storedParagraphs(brief.briefId);
    expect(after.sort()).toEqual([...typed].sort());
  });
});
