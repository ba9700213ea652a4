/**
 * Typing workload: N editors on one brief, each typing into its own paragraph at a fixed
 * rate, every editor on its own WebSocket. Latency is keystroke (local insert) → the
 * insert being applied on another client, read from the update's struct ids.
 */
import * as Y from "yjs";
import { connectClient, waitFor } from "../../lib/collab/test-clients";
import { percentile, sleep } from "./stats";

export type Editor = { id: string; name: string };

/** One editor's replica, whatever the provider: updates it applies carry `origin`. */
export type TypingClient = {
  doc: Y.Doc;
  origin: unknown;
  isSynced(): boolean;
  destroy(): void;
};

/** Connects an editor to a server; HocuspocusProviders unless a server speaks another protocol. */
export type ConnectEditor = (options: {
  url: string;
  briefId: string;
  user: Editor;
  origin: string;
}) => Promise<TypingClient>;

const hocuspocusClient: ConnectEditor = async (options) => {
  const client = await connectClient(options);
  return {
    doc: client.doc,
    origin: client.provider,
    isSynced: () => client.provider.isSynced,
    destroy: () => client.destroy(),
  };
};

export type TypingResult = {
  keystrokes: number;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Every replica ended with the same state vector and text. */
  converged: boolean;
  /** Each replica received every other editor's last keystroke (checked after the run). */
  allDelivered: boolean;
};

export type TypingOptions = {
  url: string;
  briefId: string;
  editors: Editor[];
  opsPerSecond: number;
  durationMs: number;
  origin: string;
  /** How many clients measure latency (all of them apply everything). */
  observers?: number;
  /** Typing before measuring starts (JIT, TCP and pool warm-up); not counted. */
  warmupMs?: number;
  /** Called when the measured window starts (e.g. reset the server's lag histogram). */
  onMeasureStart?: () => void;
  /** How editors connect (default: HocuspocusProvider with a collab token). */
  connect?: ConnectEditor;
};

function ownText(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment("default").get(index) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

export async function runTypingScenario(options: TypingOptions): Promise<TypingResult> {
  const clients: TypingClient[] = [];
  const connect = options.connect ?? hocuspocusClient;
  try {
    for (const editor of options.editors) {
      clients.push(
        await connect({
          url: options.url,
          briefId: options.briefId,
          user: editor,
          origin: options.origin,
        }),
      );
    }
    await waitFor(() => clients.every((c) => c.isSynced()), "every provider to sync", 30_000);

    // One paragraph per editor, created by the first client before typing starts.
    const first = clients[0]!;
    first.doc.transact(() => {
      const fragment = first.doc.getXmlFragment("default");
      fragment.insert(
        0,
        options.editors.map(() => {
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.insert(0, [new Y.XmlText("")]);
          return paragraph;
        }),
      );
    });
    await waitFor(
      () => clients.every((c) => c.doc.getXmlFragment("default").length === options.editors.length),
      "paragraphs everywhere",
      30_000,
    );

    // Send time of every keystroke, keyed by "client:clock" of the inserted character.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const observerCount = Math.min(options.observers ?? 10, clients.length);
    for (const observer of clients.slice(0, observerCount)) {
      observer.doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin !== observer.origin) return;
        const now = performance.now();
        const { from, to } = Y.parseUpdateMeta(update);
        for (const [client, end] of to) {
          for (let clock = from.get(client) ?? 0; clock < end; clock++) {
            const sent = sentAt.get(`${client}:${clock}`);
            if (sent !== undefined) latencies.push(now - sent);
          }
        }
      });
    }

    let keystrokes = 0;
    let measuring = false;
    const warmupMs = options.warmupMs ?? 2_000;
    const measureFrom = performance.now() + warmupMs;
    const stopAt = measureFrom + options.durationMs;
    const startMeasuring = setTimeout(() => {
      measuring = true;
      options.onMeasureStart?.();
    }, warmupMs);
    const intervalMs = 1000 / options.opsPerSecond;
    const timers = clients.map((client, index) =>
      setTimeout(function type() {
        if (performance.now() >= stopAt) return;
        if (measuring) {
          const clock = Y.getState(client.doc.store, client.doc.clientID);
          sentAt.set(`${client.doc.clientID}:${clock}`, performance.now());
          keystrokes += 1;
        }
        const text = ownText(client.doc, index);
        text.insert(text.length, String.fromCharCode(97 + (keystrokes % 26)));
        timers[index] = setTimeout(type, intervalMs);
      }, Math.random() * intervalMs),
    );
    await sleep(warmupMs + options.durationMs + 200);
    clearTimeout(startMeasuring);
    timers.forEach((timer) => clearTimeout(timer));

    const finalVector = () =>
      clients.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString("base64"));
    let allDelivered = true;
    try {
      await waitFor(() => new Set(finalVector()).size === 1, "replicas to converge", 30_000);
    } catch {
      allDelivered = false;
    }
    const texts = new Set(clients.map((c) => c.doc.getXmlFragment("default").toString()));
    return {
      keystrokes,
      samples: latencies.length,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      converged: allDelivered && texts.size === 1,
      allDelivered,
    };
  } finally {
    for (const client of clients) client.destroy();
  }
}
