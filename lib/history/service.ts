import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import type { CitationStyleId } from "@/lib/citations/style-ids";
import { briefFor, findSnapshot } from "./queries";
import { takeSnapshotIfChanged } from "./snapshots";

export type RestorePayload = {
  snapshotId: string;
  contentJson: JSONContent;
  citationStyle: CitationStyleId | null;
  /** The BEFORE_RESTORE snapshot taken now (null when the draft equals the last snapshot). */
  beforeRestoreId: string | null;
};

/**
 * First half of a restore: checks the member may restore, records the draft as it is now
 * (BEFORE_RESTORE, so the restore can itself be undone) and hands back the snapshot's
 * content. The second half happens in the restoring editor's browser, inside the live
 * collab session (components/history/SnapshotRestorer.tsx): the content is replaced there
 * as an ordinary edit, so co-editors receive it live and nothing in history is rewritten.
 */
export async function beginRestore(
  member: Member,
  briefId: string,
  snapshotId: string,
): Promise<RestorePayload> {
  await briefFor(member, briefId, "brief.restoreSnapshot");
  const snapshot = await findSnapshot(member, briefId, snapshotId);
  const beforeRestoreId = await db.$transaction((tx) =>
    takeSnapshotIfChanged(tx, briefId, "BEFORE_RESTORE"),
  );
  return {
    snapshotId,
    contentJson: snapshot.contentJson as JSONContent,
    citationStyle: snapshot.citationStyle,
    beforeRestoreId,
  };
}
