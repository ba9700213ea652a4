/**
 * One collab server under test, in its own process so its event-loop lag is its own:
 * `tsx bench/collab/server-process.ts ours|ours-early|vanilla` (ours-early: broadcastBeforeCommit). Prints `READY <port>`; on the stdin
 * line `measure` it resets the lag histogram, on `report` it prints `REPORT <json>`.
 */
import { Server } from "@hocuspocus/server";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { createCollabServer } from "../../lib/collab/server";
import { collabHooks } from "../../lib/workflow/collab-hooks";

const kind = process.argv[2];
const origin = process.env.BENCH_ORIGIN ?? "http://bench.briefroom.test";

async function main(): Promise<void> {
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
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  console.log(`READY ${server.address.port}`);

  for await (const line of createInterface({ input: process.stdin })) {
    if (line === "measure") lag.reset();
    if (line === "report" || line === "report-after-gc") {
      // Spawned with --expose-gc, so memory figures can exclude collectable garbage.
      if (line === "report-after-gc") (globalThis as { gc?: () => void }).gc?.();
      const report = {
        connections: server.hocuspocus.getConnectionsCount(),
        documents: server.hocuspocus.getDocumentsCount(),
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
