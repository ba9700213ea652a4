import { db } from "@/lib/db";
import { NO_STORE, workspaceRoute } from "@/lib/http/route";
import { errorReportCsv } from "@/lib/incidents/csv/write-csv";
import { isUuid } from "@/lib/validation/uuid";

export const dynamic = "force-dynamic";

/** The row-error report of a committed import batch, as CSV (line, column, reason). */
export const GET = workspaceRoute<{ workspace: string; batchId: string }>(
  "incident.read",
  async ({ params: { batchId }, member }) => {
    const batch = isUuid(batchId)
      ? await db.importBatch.findFirst({
          where: { id: batchId, workspaceId: member.workspaceId },
          select: { errors: true, fileName: true },
        })
      : null;
    if (!batch) return new Response("Not found", { status: 404, headers: NO_STORE });
    const errors = batch.errors as { line: number; column: string | null; reason: string }[];
    return new Response(errorReportCsv(errors), {
      headers: {
        ...NO_STORE,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="import-errors-${batchId.slice(0, 8)}.csv"`,
      },
    });
  },
);
