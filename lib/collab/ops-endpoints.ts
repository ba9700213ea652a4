import type {
  Extension,
  Hocuspocus,
  onConfigurePayload,
  onRequestPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import type { ServerResponse } from "node:http";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { Db } from "../db";
import { createMetricsRegistry, isLoopbackAddress, mayReadMetrics } from "../ops/metrics";
import { checkReadiness, processChecks, type ReadinessCheck } from "../ops/readiness";
import { PersistenceExtension } from "./persistence";
import type { UpdateLogWriter } from "./update-log";

export type OpsEndpointsOptions = {
  /** What /readyz asks; each one throws when its dependency is down. */
  checks: Record<string, ReadinessCheck>;
  /** METRICS_TOKEN by default; see mayReadMetrics. */
  metricsToken?: string;
};

/**
 * The collab port's own answers for an orchestrator and a scraper, beside the WebSockets:
 * `/healthz` (the process is up), `/readyz` (its database and Redis answer; 503 otherwise, so
 * a load balancer stops sending editors to an instance that cannot store their edits) and
 * `/metrics` (Prometheus text). Anything else falls through to Hocuspocus.
 *
 * It sits before persistence in the extension list so that its onStoreDocument starts the
 * clock before the compaction does.
 */
export class OpsEndpointsExtension implements Extension {
  readonly registry: Registry = createMetricsRegistry("collab");
  private instance: Hocuspocus | null = null;
  private writer: UpdateLogWriter | null = null;
  private readonly storeStarted = new Map<string, () => number>();
  private readonly appendSeconds: Histogram;
  private readonly storeSeconds: Histogram;

  constructor(private readonly options: OpsEndpointsOptions) {
    const registers = [this.registry];
    const ops = () => this;
    new Gauge({
      name: "briefroom_collab_connections",
      help: "Open editor connections on this instance.",
      registers,
      collect() {
        this.set(ops().instance?.getConnectionsCount() ?? 0);
      },
    });
    new Gauge({
      name: "briefroom_collab_documents_loaded",
      help: "Briefs loaded in memory on this instance.",
      registers,
      collect() {
        this.set(ops().instance?.getDocumentsCount() ?? 0);
      },
    });
    new Gauge({
      name: "briefroom_collab_update_log_pending",
      help: "Updates received but not stored yet (waiting for the database included).",
      registers,
      collect() {
        this.set(ops().writer?.pending ?? 0);
      },
    });
    for (const [key, help] of [
      ["rows", "Updates committed to the update log."],
      ["batches", "Group-commit INSERTs committed to the update log."],
      ["retries", "Update-log writes tried again because the database was unreachable."],
    ] as const) {
      let seen = 0;
      new Counter({
        name: `briefroom_collab_update_log_${key}_total`,
        help,
        registers,
        // The writer keeps its own tallies; the counter catches up with them when scraped.
        collect() {
          const now = ops().writer?.stats[key] ?? seen;
          if (now > seen) this.inc(now - seen);
          seen = now;
        },
      });
    }
    this.appendSeconds = new Histogram({
      name: "briefroom_collab_update_append_seconds",
      help: "From an update's arrival to its commit in the log (what an editor waits for Saved).",
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.storeSeconds = new Histogram({
      name: "briefroom_collab_store_seconds",
      help: "One store round of a brief: compaction of its log and the domains' steps after it.",
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
  }

  async onConfigure({ instance, configuration }: onConfigurePayload): Promise<void> {
    this.instance = instance;
    const persistence = configuration.extensions.find(
      (extension): extension is PersistenceExtension => extension instanceof PersistenceExtension,
    );
    if (persistence) this.timeAppends(persistence.writer);
  }

  /**
   * Times every append through the writer's one entry point, rather than adding a hook to
   * each caller: the promise settles when the row is committed (or refused).
   */
  private timeAppends(writer: UpdateLogWriter): void {
    this.writer = writer;
    const append = writer.append.bind(writer);
    const histogram = this.appendSeconds;
    writer.append = (briefId, update, userId) => {
      const end = histogram.startTimer();
      const appended = append(briefId, update, userId);
      appended.then(
        () => end(),
        () => end(),
      );
      return appended;
    };
  }

  async onStoreDocument({ documentName }: onStoreDocumentPayload): Promise<void> {
    this.storeStarted.set(documentName, this.storeSeconds.startTimer());
  }

  async afterStoreDocument({ documentName }: onStoreDocumentPayload): Promise<void> {
    this.storeStarted.get(documentName)?.();
    this.storeStarted.delete(documentName);
  }

  async onRequest({ request, response }: onRequestPayload): Promise<void> {
    if (request.method !== "GET" && request.method !== "HEAD") return;
    const path = new URL(request.url ?? "/", "http://collab").pathname;
    if (path === "/healthz") {
      send(response, 200, "application/json", JSON.stringify({ ok: true }));
    } else if (path === "/readyz") {
      const readiness = await checkReadiness(this.options.checks);
      send(response, readiness.ok ? 200 : 503, "application/json", JSON.stringify(readiness));
    } else if (path === "/metrics") {
      const caller = {
        authorization: request.headers.authorization ?? null,
        peerIsLoopback: isLoopbackAddress(request.socket.remoteAddress),
      };
      const token = this.options.metricsToken ?? process.env.METRICS_TOKEN;
      if (!mayReadMetrics(caller, token)) {
        send(response, token ? 401 : 404, "text/plain", token ? "Unauthorized\n" : "Not found\n");
      } else {
        send(response, 200, this.registry.contentType, await this.registry.metrics());
      }
    } else {
      return;
    }
    // Hocuspocus's convention for "answered": a rejection with null stops its default reply.
    throw null;
  }
}

/** The extension with the process's own checks: `client`'s database, and Redis if set. */
export function opsEndpoints(options: { client: Db; redisUrl?: string }): OpsEndpointsExtension {
  return new OpsEndpointsExtension({ checks: processChecks(options) });
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  response.end(body);
}
