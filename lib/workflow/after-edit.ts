import type { Tx } from "@/lib/db";
import type { CompactedEdits } from "@/lib/collab/after-compaction";

// Implemented by the workflow work (issue 6): see lib/collab/after-compaction.ts.
export async function recordContributors(_tx: Tx, _round: CompactedEdits): Promise<void> {}
export async function revertApprovalIfEdited(_tx: Tx, _round: CompactedEdits): Promise<void> {}
