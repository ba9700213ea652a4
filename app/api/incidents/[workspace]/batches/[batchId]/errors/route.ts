import { db } from "@/lib/db";
import { errorReportCsv } from "@/lib/incidents/csv/write-csv";
import { errorResponse, NO_STORE, routeMember } from "@/lib/incidents/http";
import { assertCanRead } from "@/lib/incidents/queries";

export const dynamic = "force-dynamic";

/** The row-error report of a committed import batch, as CSV (line, column, reason). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ workspace: string; batchId: string }> },
) {
  const { workspace, batchId } = await params;
  const member = await routeMember(workspace);
  if (member instanceof Response) return member;
  try {
    assertCanRead(member);
    const batch = /^[0-9a-f-]{36}$/i.test(batchId)
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
  } catch (error) {
    return errorResponse(error);
  }
}
