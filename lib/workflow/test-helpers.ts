/**
 * Test helpers of the workflow tests: edits written to the update log exactly as the collab
 * server logs them (one row per Yjs update, with its author), a second approver, a brief.
 */
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { applyStoredState, loadBriefState } from "@/lib/documents/stored-state";
import { asBytes } from "@/lib/collab/update-log";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";

/**
 * Applies `change` to the stored draft and logs the resulting update as `member`'s edit
 * (a pending row until the next compaction).
 */
export async function editDraft(
  briefId: string,
  userId: string | null,
  change: (fragment: Y.XmlFragment) => void,
): Promise<void> {
  const doc = new Y.Doc();
  try {
    applyStoredState(doc, await loadBriefState(briefId));
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    doc.transact(() => change(doc.getXmlFragment("default")));
    for (const update of updates) {
      await db.$executeRaw`
        INSERT INTO brief_updates (brief_id, update, user_id)
        VALUES (${briefId}::uuid, ${asBytes(update)}, ${userId}::uuid)`;
    }
  } finally {
    doc.destroy();
  }
}

export function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Appends a paragraph as `userId`'s edit. */
export function typeParagraph(briefId: string, userId: string | null, text: string) {
  return editDraft(briefId, userId, (fragment) =>
    fragment.insert(fragment.length, [paragraph(text)]),
  );
}

/** Appends a block incident table for `spec` (an embed spec object or raw attribute text). */
export function insertTable(briefId: string, userId: string, spec: object | string) {
  return editDraft(briefId, userId, (fragment) => {
    const table = new Y.XmlElement("incidentTable");
    table.setAttribute("spec", typeof spec === "string" ? spec : JSON.stringify(spec));
    fragment.insert(fragment.length, [table]);
  });
}

/** Deletes the last block of the draft (undoing typeParagraph). */
export function deleteLastBlock(briefId: string, userId: string) {
  return editDraft(briefId, userId, (fragment) => fragment.delete(fragment.length - 1, 1));
}

/** One more member of `role` in the workspace (workspaceWith makes one per role). */
export async function addMember(workspaceId: string, role: Role): Promise<Member> {
  const suffix = randomUUID().slice(0, 8);
  const user = await db.user.create({
    data: { email: `${role.toLowerCase()}-${suffix}@example.test`, name: `${role} ${suffix}` },
    select: { id: true },
  });
  await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  return { userId: user.id, workspaceId, role };
}

export async function newBrief(author: Member, title = "Kidal weekly"): Promise<string> {
  const brief = await db.brief.create({
    data: {
      workspaceId: author.workspaceId,
      title: `${title} ${randomUUID().slice(0, 6)}`,
      language: "en",
      createdById: author.userId,
      updatedById: author.userId,
    },
    select: { id: true },
  });
  return brief.id;
}
