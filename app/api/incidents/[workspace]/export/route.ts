import { exportIncidentsCsv } from "@/lib/incidents/export";
import { errorResponse, NO_STORE, routeMember } from "@/lib/incidents/http";
import { assertCanRead } from "@/lib/incidents/queries";
import { incidentFilterSchema } from "@/lib/incidents/query-schema";

export const dynamic = "force-dynamic";

/** The browser's filtered rows as CSV (same query string as the incidents page). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ workspace: string }> },
) {
  // prettier-ignore
  const member = await routeMember((await params).workspace);
  if (member instanceof Response) return member;
  try {
    assertCanRead(member);
    const filter = incidentFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams)); // prettier-ignore
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
  } catch (error) {
    return errorResponse(error);
  }
}
