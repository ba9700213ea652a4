import type { Server } from "@hocuspocus/server";
import { PersistenceExtension } from "./persistence";

/**
 * The close code a draining instance ends its editors' sockets with: WebSocket's own
 * "Service Restart" (RFC 6455 registry, 1012). The Hocuspocus provider reconnects after any
 * socket close that is not an access ending (see access-watch.ts), and through the proxy that
 * reconnection lands on another instance; the reason tells a person reading logs why.
 */
export const SERVICE_RESTART = { code: 1012, reason: "service-restart" } as const;

export type DrainOptions = {
  /** Longest wait for updates that are being stored to commit before the sockets close. */
  flushTimeoutMs?: number;
  log?: (event: string, fields?: Record<string, unknown>) => void;
};

export type DrainReport = {
  /** Sockets closed with SERVICE_RESTART. */
  closedSockets: number;
  /** Updates still not stored when the flush wait ran out (they stay unacknowledged). */
  unstoredAtClose: number;
};

/**
 * Takes an instance out of service without losing or stranding an edit:
 * 1. stops listening, so the proxy sends new editors to the other instances;
 * 2. waits for the updates already received to commit, so their senders get "saved" from
 *    here rather than resending them elsewhere (resending would be harmless: an update that
 *    was acknowledged is already in the log, one that was not is kept by its sender);
 * 3. closes every editor's socket with SERVICE_RESTART, so they reconnect at once;
 * 4. lets Hocuspocus unload the briefs, which folds their logs into snapshots.
 * Nothing depends on step 4 for durability; it only leaves less log to replay.
 */
export async function drainCollabServer(
  server: Server,
  options: DrainOptions = {},
): Promise<DrainReport> {
  const log = options.log ?? (() => undefined);
  const instance = server.hocuspocus;
  // No new connections from here on; the open ones stay until we close them below.
  server.httpServer.close();
  const writer = server.configuration.extensions.find(
    (extension): extension is PersistenceExtension => extension instanceof PersistenceExtension,
  )?.writer;
  const pendingAtStart = writer?.pending ?? 0;
  log("collab.drain.start", {
    connections: instance.getConnectionsCount(),
    documents: instance.getDocumentsCount(),
    pendingUpdates: pendingAtStart,
  });
  if (writer) {
    await Promise.race([
      writer.flushed(),
      new Promise((resolve) => setTimeout(resolve, options.flushTimeoutMs ?? 5_000).unref()),
    ]);
  }
  // Hocuspocus sends the acknowledgement right after the commit resolves its hook; a few
  // turns of the event loop let those frames go out before the close frame.
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));

  const sockets = new Set<{ close(code?: number, reason?: string): void }>();
  instance.documents.forEach((document) => {
    document.getConnections().forEach((connection) => sockets.add(connection.webSocket));
  });
  for (const socket of sockets) {
    try {
      socket.close(SERVICE_RESTART.code, SERVICE_RESTART.reason);
    } catch {
      // A socket that is already closing needs nothing from us.
    }
  }
  const unstoredAtClose = writer?.pending ?? 0;
  log("collab.drain.sockets-closed", { sockets: sockets.size, unstoredAtClose });
  // Unloads every brief (compaction into its snapshot) and waits for the writer.
  await server.destroy();
  log("collab.drain.done", {});
  return { closedSockets: sockets.size, unstoredAtClose };
}
