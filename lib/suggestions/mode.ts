/**
 * Each person's mode on a brief, Editing or Suggesting, kept in the database so it follows
 * them from one browser or device to another.
 */
import { loadBrief } from "@/lib/briefs/load-brief";
import { db, type Tx } from "@/lib/db";
import type { Member } from "@/lib/policy/can";

export type EditorModeName = "editing" | "suggesting";

/** The member's saved mode on the brief; Editing when they never chose. */
export async function editorModeOf(
  member: Member,
  briefId: string,
  tx: Tx = db,
): Promise<EditorModeName> {
  const brief = await loadBrief(member, briefId, "brief.read", { tx });
  const row = await tx.editorMode.findUnique({
    where: { userId_briefId: { userId: member.userId, briefId: brief.id } },
    select: { suggesting: true },
  });
  return row?.suggesting ? "suggesting" : "editing";
}

/** Saves the member's mode; only those who may edit the brief choose one. */
export async function setEditorMode(
  member: Member,
  briefId: string,
  mode: EditorModeName,
  tx: Tx = db,
): Promise<EditorModeName> {
  const brief = await loadBrief(member, briefId, "brief.edit", { tx });
  const suggesting = mode === "suggesting";
  await tx.editorMode.upsert({
    where: { userId_briefId: { userId: member.userId, briefId: brief.id } },
    create: { userId: member.userId, briefId: brief.id, suggesting },
    update: { suggesting },
  });
  return suggesting ? "suggesting" : "editing";
}
