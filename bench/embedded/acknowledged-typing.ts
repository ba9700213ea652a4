/**
 * Editors typing at a steady rate, each into its own paragraph, and the time from each
 * keystroke to the server's acknowledgement that it is stored (the moment the editor's status
 * turns to "Saved"). Samples are tagged with the phase running when the keystroke was typed.
 */
import * as Y from "yjs";
import { connectClient, waitFor, waitSynced, type TestClient } from "../../lib/collab/test-clients";

export type Typist = { id: string; name: string };

export type AcknowledgedTyping = {
  /** Starts labelling new keystrokes with `phase`. */
  phase(name: string): void;
  /** Milliseconds from keystroke to acknowledgement, per phase. */
  samples(): Map<string, number[]>;
  /** Keystrokes still waiting for their acknowledgement. */
  pending(): number;
  stop(): Promise<void>;
};

export async function startAcknowledgedTyping(options: {
  url: string;
  briefId: string;
  typists: Typist[];
  origin: string;
  keystrokesPerSecond: number;
}): Promise<AcknowledgedTyping> {
  const clients: TestClient[] = [];
  for (const user of options.typists) {
    clients.push(
      await connectClient({
        url: options.url,
        briefId: options.briefId,
        user,
        origin: options.origin,
      }),
    );
  }
  await Promise.all(clients.map((client) => waitSynced(client, 30_000)));
  const first = clients[0]!;
  first.doc.transact(() => {
    first.doc.getXmlFragment("default").insert(
      0,
      clients.map(() => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText("")]);
        return paragraph;
      }),
    );
  });
  await waitFor(
    () => clients.every((c) => c.doc.getXmlFragment("default").length === clients.length),
    "every paragraph on every client",
    30_000,
  );

  let phase = "warm-up";
  const samples = new Map<string, number[]>();
  // Keystrokes not yet acknowledged, per client, oldest first. Each keystroke is one update
  // and the server acknowledges updates in order, so when the provider's count of unsynced
  // changes drops below the list's length, the oldest ones are stored.
  const waiting = clients.map(() => [] as { at: number; phase: string }[]);
  clients.forEach((client, index) => {
    client.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
      const list = waiting[index]!;
      if (number >= list.length) return;
      const now = performance.now();
      for (const keystroke of list.splice(0, list.length - number)) {
        const list = samples.get(keystroke.phase) ?? [];
        list.push(now - keystroke.at);
        samples.set(keystroke.phase, list);
      }
    });
  });

  const intervalMs = 1000 / options.keystrokesPerSecond;
  let running = true;
  const timers = clients.map((client, index) =>
    setTimeout(function type() {
      if (!running) return;
      const text = (client.doc.getXmlFragment("default").get(index) as Y.XmlElement).get(
        0,
      ) as Y.XmlText;
      waiting[index]!.push({ at: performance.now(), phase });
      text.insert(text.length, String.fromCharCode(97 + (text.length % 26)));
      timers[index] = setTimeout(type, intervalMs);
    }, Math.random() * intervalMs),
  );

  return {
    phase: (name) => (phase = name),
    samples: () => samples,
    pending: () => waiting.reduce((n, list) => n + list.length, 0),
    async stop() {
      running = false;
      timers.forEach((timer) => clearTimeout(timer));
      await Promise.all(
        clients.map((client) =>
          waitFor(
            () => !client.provider.hasUnsyncedChanges,
            "the last acknowledgement",
            60_000,
          ).catch(() => undefined),
        ),
      );
      clients.forEach((client) => client.destroy());
    },
  };
}
