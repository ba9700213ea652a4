import type { Tx } from "@/lib/db";
import type { CompactedEdits } from "@/lib/collab/after-compaction";

// Implemented by the draft history work (issue 6): see lib/collab/after-compaction.ts.
export async function snapshotIfDue(_tx: Tx, _round: CompactedEdits): Promise<void> {}
