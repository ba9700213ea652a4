import { NO_STORE, workspaceRoute } from "@/lib/http/route";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import {
  importTooLarge,
  receiveImport,
  runReceivedImport,
  type ImportEvent,
} from "@/lib/incidents/import/import-request";
import { MAX_IMPORT_BYTES } from "@/lib/incidents/import/parse-import";

export const dynamic = "force-dynamic";

/**
 * POST the CSV file as the request body, with ?dataset=&mode=preview|commit&fileName=
 * &version=&accessDate=&skipRejected=. Who may import is decided before the body is read;
 * the body is parsed as it streams in and refused at 100 MB (413). The answer is NDJSON:
 * progress events while rows are written, then one result or error event.
 */
export const POST = workspaceRoute<{ workspace: string }>(
  "incident.import",
  async ({ request, member }) => {
    const query = new URL(request.url).searchParams;
    const body = readLimitedBody(request, MAX_IMPORT_BYTES, importTooLarge);
    const received = await receiveImport(member, query, body);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const emit = (event: ImportEvent) =>
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        await runReceivedImport(member, received, emit);
        controller.close();
      },
    });
    return new Response(stream, {
      headers: { ...NO_STORE, "Content-Type": "application/x-ndjson; charset=utf-8" },
    });
  },
);
