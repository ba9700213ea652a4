"use server";

import { workspaceAction } from "@/lib/actions/workspace-action";
import { parseRestoreInput } from "@/lib/history/schema";
import { beginRestore } from "@/lib/history/service";

/**
 * Called by the restoring editor's browser once its collab session is synced: records the
 * draft (BEFORE_RESTORE) and returns the snapshot's content, which the browser then applies
 * as a live edit. beginRestore checks brief.restoreSnapshot.
 */
export const beginRestoreAction = workspaceAction(async ({ member }, input: unknown) => {
  const { briefId, snapshotId } = parseRestoreInput(input);
  return beginRestore(member, briefId, snapshotId);
});
