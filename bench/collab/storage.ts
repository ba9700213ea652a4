/**
 * Storage benchmarks against the real Postgres: update-log appends (group commit),
 * compaction of 10k updates, and cold open of a B4-sized brief through the real server.
 */
import * as Y from "yjs";
import { compactBrief } from "../../lib/collab/compaction";
import { AFTER_COMPACTION } from "../../lib/workflow/collab-hooks";
import { connectClient, waitSynced } from "../../lib/collab/test-clients";
import { asBytes, UpdateLogWriter } from "../../lib/collab/update-log";
import { db } from "../../lib/db";
import { median, percentile } from "./stats";

export type AppendResult = {
  editors: number;
  appends: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  rowsPerBatch: number;
};

/** `editors` concurrent writers, each appending its next keystroke as soon as the previous one is committed. */
export async function benchAppends(
  briefId: string,
  editors: number,
  durationMs: number,
): Promise<AppendResult> {
  const writer = new UpdateLogWriter(db);
  const latencies: number[] = [];
  const stopAt = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: editors }, async () => {
      const doc = new Y.Doc();
      const text = doc.getText("t");
      const updates: Uint8Array[] = [];
      doc.on("update", (update: Uint8Array) => updates.push(update));
      while (performance.now() < stopAt) {
        text.insert(text.length, "x");
        const t0 = performance.now();
        await writer.append(briefId, updates.shift()!, null);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  return {
    editors,
    appends: latencies.length,
    perSecond: (latencies.length / elapsed) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    rowsPerBatch: writer.stats.rows / Math.max(1, writer.stats.batches),
  };
}

/** One editor's typing trace of `count` single-character updates, appended to the log. */
async function logTypingTrace(briefId: string, count: number): Promise<void> {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText("");
  paragraph.insert(0, [text]);
  const rows: { briefId: string; update: Uint8Array<ArrayBuffer> }[] = [];
  doc.on("update", (update: Uint8Array) => rows.push({ briefId, update: asBytes(update) }));
  doc.getXmlFragment("default").insert(0, [paragraph]);
  for (let i = 0; i < count - 1; i++) text.insert(text.length, i % 7 === 6 ? " " : "a");
  for (let i = 0; i < rows.length; i += 2_000)
    await db.briefUpdate.createMany({ data: rows.slice(i, i + 2_000) });
}

export async function benchCompaction(
  newBriefId: () => Promise<string>,
  updates: number,
  runs: number,
): Promise<{ medianMs: number; maxMs: number }> {
  const timings: number[] = [];
  // Run 0 warms up the JIT and the connection pool; it is not counted.
  for (let run = 0; run <= runs; run++) {
    const briefId = await newBriefId();
    await logTypingTrace(briefId, updates);
    const t0 = performance.now();
    const result = await compactBrief(briefId, { afterCompaction: AFTER_COMPACTION });
    if (run > 0) timings.push(performance.now() - t0);
    if (result.mergedUpdates !== updates)
      throw new Error(`compaction merged ${result.mergedUpdates} of ${updates}`);
  }
  return { medianMs: median(timings), maxMs: Math.max(...timings) };
}

/**
 * A document shaped like an editing trace: paragraphs typed in bursts at random places,
 * with some deletions, until its encoded state reaches `targetBytes` (B4 is ~160 KB).
 */
export function editingTraceState(targetBytes: number, seed = 1): Uint8Array {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  const words = [
    "the",
    "convoy",
    "crossing",
    "العربية",
    "reported",
    "incident",
    "casualties",
    "district",
    "humanitarian",
    "access",
  ];
  let size = 0;
  for (let op = 0; size < targetBytes; op++) {
    if (fragment.length === 0 || random() < 0.05) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("")]);
      fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
    }
    const paragraph = fragment.get(Math.floor(random() * fragment.length)) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    if (random() < 0.15 && text.length > 10) {
      text.delete(Math.floor(random() * (text.length - 5)), 1 + Math.floor(random() * 4));
    } else {
      const word = `${words[Math.floor(random() * words.length)]} `;
      const at = Math.floor(random() * (text.length + 1));
      for (let i = 0; i < word.length; i++) text.insert(at + i, word[i]!);
    }
    if (op % 500 === 0) size = Y.encodeStateAsUpdate(doc).byteLength;
  }
  return Y.encodeStateAsUpdate(doc);
}

/** Time from connecting a fresh client to a brief nobody has open, to that client being synced. */
export async function benchColdOpen(
  url: string,
  origin: string,
  briefs: Array<{ briefId: string; user: { id: string; name: string } }>,
  state: Uint8Array,
): Promise<{ medianMs: number; maxMs: number; stateBytes: number }> {
  const timings: number[] = [];
  for (const [index, { briefId, user }] of briefs.entries()) {
    await db.briefDocument.create({ data: { briefId, state: asBytes(state) } });
    const t0 = performance.now();
    const client = await connectClient({ url, briefId, user, origin });
    await waitSynced(client, 30_000);
    // The first open warms up the server process (JIT, pool, query compiler); not counted.
    if (index > 0) timings.push(performance.now() - t0);
    if (client.doc.getXmlFragment("default").length === 0)
      throw new Error("cold open: empty document");
    client.destroy();
  }
  return { medianMs: median(timings), maxMs: Math.max(...timings), stateBytes: state.byteLength };
}
