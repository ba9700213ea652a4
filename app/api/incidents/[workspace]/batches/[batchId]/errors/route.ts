import { NO_STORE, workspaceRoute } from "@/lib/http/route";
import { errorReportCsv } from "@/lib/incidents/csv/write-csv";
import { findBatchErrors } from "@/lib/incidents/import-batches";

export const dynamic = "force-dynamic";

/** The row-error report of a committed import batch, as CSV (line, column, reason). */
export const GET = workspaceRoute<{ workspace: string; batchId: string }>(
  "incident.read",
  async ({ params: { batchId }, member }) => {
    const { errors } = await findBatchErrors(member, batchId);
    return new Response(errorReportCsv(errors), {
      headers: {
        ...NO_STORE,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="import-errors-${batchId.slice(0, 8)}.csv"`,
      },
    });
  },
);
