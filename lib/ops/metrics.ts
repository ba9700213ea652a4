import { createHash, timingSafeEqual } from "node:crypto";
import { collectDefaultMetrics, Registry } from "prom-client";

/**
 * A registry with the process's own metrics: CPU, memory, handles, garbage collection and
 * event-loop lag (`nodejs_eventloop_lag_*`, from perf_hooks' monitorEventLoopDelay), which is
 * what shows a brief's editors waiting on a busy process before anything else does.
 */
export function createMetricsRegistry(process: "web" | "collab"): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ process });
  collectDefaultMetrics({ register: registry, prefix: "briefroom_" });
  return registry;
}

// In development Next re-evaluates modules on every change; one registry per process keeps
// one event-loop monitor and counters that do not restart at zero on each reload.
const cache = globalThis as unknown as { __briefroomWebMetrics?: Registry };

/** The web process's registry. */
export function webMetrics(): Registry {
  cache.__briefroomWebMetrics ??= createMetricsRegistry("web");
  return cache.__briefroomWebMetrics;
}

export type MetricsCaller = {
  /** The request's Authorization header, if any. */
  authorization: string | null;
  /**
   * Whether the connection's peer is this machine, from the socket itself (never from a
   * header a client could write); null where the server cannot know it.
   */
  peerIsLoopback: boolean | null;
};

/**
 * Who may read metrics: with METRICS_TOKEN set, only a caller presenting it as a Bearer
 * token; without it, only a connection from this machine. Metrics carry no document text,
 * but counts of briefs and editors are still the desk's business.
 */
export function mayReadMetrics(
  caller: MetricsCaller,
  token: string | undefined = process.env.METRICS_TOKEN,
): boolean {
  if (token) {
    const given = /^Bearer\s+(\S+)\s*$/i.exec(caller.authorization ?? "")?.[1];
    return given !== undefined && sameSecret(given, token);
  }
  return caller.peerIsLoopback === true;
}

/** Compares digests so the time taken says nothing about how much of the token matched. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return v4.startsWith("127.") || address === "::1";
}
