import { Histogram } from "prom-client";
import { logEvent } from "./log";
import { webMetrics } from "./metrics";

/**
 * The route a request took, with its identifiers folded so that every brief, workspace or
 * batch counts under one label: /api/briefs/<uuid>/collab-token → /api/briefs/:id/collab-token.
 * Workspace slugs are folded too (the segment after /api/incidents/ or /w/).
 */
export function routeLabel(pathname: string): string {
  return pathname
    .split("/")
    .map((segment, index, all) => {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment))
        return ":id";
      if (/^\d+$/.test(segment)) return ":n";
      const previous = all[index - 1];
      if (previous === "w" || (previous === "incidents" && all[index - 2] === "api"))
        return ":workspace";
      return segment;
    })
    .join("/");
}

const cache = globalThis as unknown as { __briefroomHttpSeconds?: Histogram };

function histogram(): Histogram {
  cache.__briefroomHttpSeconds ??= new Histogram({
    name: "briefroom_http_request_duration_seconds",
    help: "Route handlers: from the request's arrival to the response's headers, by route.",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [webMetrics()],
  });
  return cache.__briefroomHttpSeconds;
}

/**
 * Counts a handled request and, with LOG_FORMAT=json, writes its one log line: the request id
 * nginx set (X-Request-Id), method, route label, status and time. Never the query string, the
 * body or a header's value beyond the request id: those can carry tokens and document text.
 */
export function observeRequest(request: Request, status: number, startedAt: number): void {
  const seconds = (performance.now() - startedAt) / 1000;
  const route = routeLabel(new URL(request.url).pathname);
  histogram().observe({ method: request.method, route, status: String(status) }, seconds);
  if (process.env.LOG_FORMAT === "json") {
    logEvent("http.request", {
      requestId: request.headers.get("x-request-id") ?? undefined,
      method: request.method,
      route,
      status,
      ms: Math.round(seconds * 1000),
    });
  }
}
