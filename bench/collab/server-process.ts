/**
 * One collab server under test, in its own process so its event-loop lag and CPU time are its
 * own: `tsx bench/collab/server-process.ts ours|ours-early|vanilla|y-websocket` (ours-early:
 * broadcastBeforeCommit; y-websocket: the reference server of @y/websocket-server, in memory).
 * Prints `READY <port>`; on the stdin line `measure` it resets the lag histogram and the CPU
 * clock, on `report` it prints `REPORT <json>`.
 */
import { Server } from "@hocuspocus/server";
import { createRequire } from "node:module";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { WebSocketServer } from "ws";
import { createCollabServer } from "../../lib/collab/server";
import { collabHooks } from "../../lib/workflow/collab-hooks";

const kind = process.argv[2];
const origin = process.env.BENCH_ORIGIN ?? "http://bench.briefroom.test";

/** What the loop below needs of a server, whichever it is. */
type Running = {
  port: number;
  connections(): number;
  documents(): number;
  destroy(): Promise<void>;
};

/** y-websocket's reference server: its own setupWSConnection on a ws server, as its bin does. */
async function yWebsocketServer(): Promise<Running> {
  // Its CommonJS build, so that it shares this process's one copy of Yjs (two copies, ES
  // module and CommonJS, break Yjs's type checks).
  const { setupWSConnection, docs } = createRequire(__filename)(
    "@y/websocket-server/utils",
  ) as typeof import("@y/websocket-server/utils");
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer((_request, response) => response.end("okay"));
  wss.on("connection", setupWSConnection);
  http.on("upgrade", (request, socket, head) =>
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request)),
  );
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    port: (http.address() as AddressInfo).port,
    connections: () => wss.clients.size,
    documents: () => docs.size,
    destroy: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        http.close(() => resolve());
      }),
  };
}

async function hocuspocusServer(): Promise<Running> {
  const server =
    kind === "vanilla"
      ? new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false })
      : createCollabServer({
          port: 0,
          address: "127.0.0.1",
          allowedOrigins: [origin],
          broadcastBeforeCommit: kind === "ours-early",
          ...collabHooks,
        });
  await server.listen();
  return {
    port: server.address.port,
    connections: () => server.hocuspocus.getConnectionsCount(),
    documents: () => server.hocuspocus.getDocumentsCount(),
    destroy: () => server.destroy(),
  };
}

async function main(): Promise<void> {
  const server = kind === "y-websocket" ? await yWebsocketServer() : await hocuspocusServer();
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  let cpuFrom = process.cpuUsage();
  let measuredFrom = performance.now();
  console.log(`READY ${server.port}`);

  for await (const line of createInterface({ input: process.stdin })) {
    if (line === "measure") {
      lag.reset();
      cpuFrom = process.cpuUsage();
      measuredFrom = performance.now();
    }
    if (line === "report" || line === "report-after-gc") {
      // Spawned with --expose-gc, so memory figures can exclude collectable garbage.
      if (line === "report-after-gc") (globalThis as { gc?: () => void }).gc?.();
      const report = {
        connections: server.connections(),
        documents: server.documents(),
        // User + system CPU of this process since `measure` (its share of the 2 cores).
        cpuMs: (() => {
          const used = process.cpuUsage(cpuFrom);
          return (used.user + used.system) / 1000;
        })(),
        wallMs: performance.now() - measuredFrom,
        lagP50Ms: lag.percentile(50) / 1e6,
        lagP99Ms: lag.percentile(99) / 1e6,
        lagMaxMs: lag.max / 1e6,
        rssMiB: process.memoryUsage().rss / 2 ** 20,
        heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20,
      };
      console.log(`REPORT ${JSON.stringify(report)}`);
    }
    if (line === "stop") {
      await server.destroy();
      process.exit(0);
    }
  }
  // stdin closed: the benchmark process is gone, so are we.
  process.exit(0);
}

void main();
