/**
 * Memory and idle connections: `briefs` briefs loaded with a typical document, then
 * `perBrief` idle authenticated connections on each, held for `holdMs`.
 */
import * as Y from "yjs";
import { connectClient, waitSynced, type TestClient } from "../../lib/collab/test-clients";
import { asBytes } from "../../lib/collab/update-log";
import { db } from "../../lib/db";
import type { BenchServer } from "./server-handle";
import { sleep } from "./stats";
import { editingTraceState } from "./storage";
import type { Editor } from "./typing";

export type IdleResult = {
  briefs: number;
  connections: number;
  documentBytes: number;
  heapPerDocumentKiB: number;
  heapPerConnectionKiB: number;
  /** Server RSS with every connection open. */
  serverRssMiB: number;
  holdMs: number;
  aliveAfterHold: number;
  serverConnectionsAfterHold: number;
};

export async function benchIdleConnections(options: {
  server: BenchServer;
  origin: string;
  editors: Editor[];
  newBrief: () => Promise<string>;
  briefs: number;
  perBrief: number;
  holdMs: number;
}): Promise<IdleResult> {
  const state = editingTraceState(16 * 1024, 7);
  const briefIds: string[] = [];
  for (let i = 0; i < options.briefs; i++) {
    const briefId = await options.newBrief();
    await db.briefDocument.create({ data: { briefId, state: asBytes(state) } });
    briefIds.push(briefId);
  }
  const clients: TestClient[] = [];
  const open = async (briefId: string, editor: Editor) => {
    const client = await connectClient({
      url: options.server.url,
      briefId,
      user: editor,
      origin: options.origin,
    });
    clients.push(client);
    await waitSynced(client, 60_000);
  };
  try {
    const baseline = await options.server.report(true);
    // One connection per brief loads every document.
    for (const briefId of briefIds) await open(briefId, options.editors[0]!);
    const loaded = await options.server.report(true);
    // Then the rest of the connections, 50 at a time.
    const more: Array<[string, Editor]> = briefIds.flatMap((briefId) =>
      options.editors
        .slice(1, options.perBrief)
        .map((editor): [string, Editor] => [briefId, editor]),
    );
    for (let i = 0; i < more.length; i += 50) {
      await Promise.all(more.slice(i, i + 50).map(([briefId, editor]) => open(briefId, editor)));
    }
    const connected = await options.server.report(true);
    const extraConnections = more.length;
    await sleep(options.holdMs);
    const after = await options.server.report(true);
    return {
      briefs: options.briefs,
      connections: clients.length,
      documentBytes: Y.encodeStateAsUpdate(clients[0]!.doc).byteLength,
      heapPerDocumentKiB: ((loaded.heapUsedMiB - baseline.heapUsedMiB) * 1024) / options.briefs,
      heapPerConnectionKiB:
        ((connected.heapUsedMiB - loaded.heapUsedMiB) * 1024) / extraConnections,
      serverRssMiB: connected.rssMiB,
      holdMs: options.holdMs,
      aliveAfterHold: clients.filter((c) => c.provider.isSynced && c.provider.isAuthenticated)
        .length,
      serverConnectionsAfterHold: after.connections,
    };
  } finally {
    for (const client of clients) client.destroy();
  }
}
