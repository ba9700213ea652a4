import { NO_STORE, workspaceRoute } from "@/lib/http/route";
import { exportIncidentsCsv } from "@/lib/incidents/export";
import { incidentFilterSchema } from "@/lib/incidents/query-schema";
import { parseOrThrow } from "@/lib/validation/parse";

export const dynamic = "force-dynamic";

/** The browser's filtered rows as CSV (same query string as the incidents page). */
export const GET = workspaceRoute<{ workspace: string }>(
  "incident.read",
  async ({ request, member }) => {
    const filter = parseOrThrow(
      incidentFilterSchema,
      Object.fromEntries(new URL(request.url).searchParams),
    );
    const rows = exportIncidentsCsv(member, filter);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return new Response(stream, {
      headers: {
        ...NO_STORE,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="incidents-${new Date().toISOString().slice(0, 10)}.csv"`,
      },
    });
  },
);
