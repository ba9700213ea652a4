import { errorJson, NO_STORE, route } from "@/lib/http/route";
import { mayReadMetrics } from "@/lib/ops/metrics";
import { webRegistry } from "@/lib/ops/web-registry";

export const dynamic = "force-dynamic";

/**
 * Prometheus metrics of the web process, for a scraper holding METRICS_TOKEN. A route
 * handler cannot see the connection's peer (only headers a client may write), so without a
 * token configured nobody is let in and the route reads as absent; a wrong token is a 401.
 */
export const GET = route(async (request) => {
  const allowed = mayReadMetrics({
    authorization: request.headers.get("authorization"),
    peerIsLoopback: null,
  });
  if (!allowed) {
    return process.env.METRICS_TOKEN
      ? errorJson(401, "unauthenticated")
      : errorJson(404, "notFound");
  }
  const registry = webRegistry();
  return new Response(await registry.metrics(), {
    headers: { ...NO_STORE, "Content-Type": registry.contentType },
  });
});
