import { loadBrief } from "@/lib/briefs/load-brief";
import { renameBriefSchema } from "@/lib/briefs/schema";
import { db, type Tx } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { parseOrThrow } from "@/lib/validation/parse";
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

/**
 * Renames a brief. The title is part of an approval, so renaming an APPROVED or PUBLISHED
 * brief returns it to DRAFT like an edit of its content (below);
 * the row is locked so a concurrent approval or publication sees one order of events.
 */
export async function renameBrief(member: Member, briefId: string, title: string, tx: Tx = db) {
  const parsed = parseOrThrow(renameBriefSchema, { title });
  const rename = async (t: Tx) => {
    await loadBrief(member, briefId, "brief.rename", { tx: t });
    const [locked] = await t.$queryRaw<{ title: string; status: BriefStatus }[]>`
      SELECT title, status FROM briefs WHERE id = ${briefId}::uuid FOR UPDATE`;
    const renamed = await t.brief.update({
      where: { id: briefId },
      data: { title: parsed.title, updatedById: member.userId },
      select: { id: true, title: true },
    });
    if (locked) {
      await returnToDraftAfterRename(t, { id: briefId, status: locked.status }, member.userId, {
        from: locked.title,
        to: parsed.title,
      });
    }
    return renamed;
  };
  return tx === db ? db.$transaction(rename) : rename(tx);
}
