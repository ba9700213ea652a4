import { runImportRequest, type ImportEvent } from "@/lib/incidents/import/import-request";
import { NO_STORE, routeMember } from "@/lib/incidents/http";

export const dynamic = "force-dynamic";

/**
 * POST the CSV file as the request body, with ?dataset=&mode=preview|commit&fileName=
 * &version=&accessDate=&skipRejected=. The body is parsed as it streams in; the answer is
 * NDJSON: progress events, then one result or error event.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ workspace: string }> },
) {
  // prettier-ignore
  const member = await routeMember((await params).workspace);
  if (member instanceof Response) return member;
  const query = new URL(request.url).searchParams;
  const size = Number(request.headers.get("content-length") ?? 0);
  const body = readBody(request.body);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const emit = (event: ImportEvent) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      await runImportRequest(member, query, body, size, emit);
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { ...NO_STORE, "Content-Type": "application/x-ndjson; charset=utf-8" },
  });
}

async function* readBody(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stops the upload when the importer gives up early (file too large, broken header).
    await reader.cancel().catch(() => undefined);
  }
}
