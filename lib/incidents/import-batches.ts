import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { can, type Member } from "@/lib/policy/can";
import { isUuid } from "@/lib/validation/uuid";

const RECENT = 20;

/** The workspace's latest import batches, newest first, for the import page. */
export async function listImportBatches(member: Member, tx: Tx = db) {
  if (!can(member, "incident.import", { kind: "workspace", id: member.workspaceId })) {
    throw new DomainError("forbidden");
  }
  return tx.importBatch.findMany({
    where: { workspaceId: member.workspaceId },
    orderBy: { createdAt: "desc" },
    take: RECENT,
    select: {
      id: true,
      dataset: true,
      datasetVersion: true,
      fileName: true,
      createdAt: true,
      accessDate: true,
      inserted: true,
      updated: true,
      unchanged: true,
      removed: true,
      rejected: true,
      createdBy: { select: { name: true } },
    },
  });
}

export type BatchRowError = { line: number; column: string | null; reason: string };

/** The rows a batch of the member's workspace rejected; notFound for any other id. */
export async function findBatchErrors(
  member: Member,
  batchId: string,
  tx: Tx = db,
): Promise<{ fileName: string; errors: BatchRowError[] }> {
  if (!can(member, "incident.read", { kind: "workspace", id: member.workspaceId })) {
    throw new DomainError("notFound");
  }
  const batch = isUuid(batchId)
    ? await tx.importBatch.findFirst({
        where: { id: batchId, workspaceId: member.workspaceId },
        select: { errors: true, fileName: true },
      })
    : null;
  if (!batch) throw new DomainError("notFound");
  // Written by the import as this very shape (lib/incidents/import).
  return { fileName: batch.fileName, errors: batch.errors as BatchRowError[] };
}
