import type { Tx } from "@/lib/db";
import type { BriefStatus } from "./state-machine";
import { revertApprovalAfterEdit } from "./transitions";

/**
 * A title is part of what an approver approved and what a version shows
 * (lib/publishing/approval-hash.ts), so renaming an APPROVED or PUBLISHED brief sends it
 * back to DRAFT exactly as an edit of its content does; the audit log records the rename
 * (shown as "Renamed after approval"). Called by renameBrief with the row locked.
 */
export async function returnToDraftAfterRename(
  tx: Tx,
  brief: { id: string; status: BriefStatus },
  actorId: string,
  rename: { from: string; to: string },
): Promise<boolean> {
  if (brief.status !== "APPROVED" && brief.status !== "PUBLISHED") return false;
  if (rename.from === rename.to) return false;
  await revertApprovalAfterEdit(tx, brief, actorId, null, { renamed: rename });
  return true;
}
