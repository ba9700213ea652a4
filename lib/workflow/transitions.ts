import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { approvalHash, shownFields } from "@/lib/publishing/approval-hash";
import type { LiveDocument } from "@/lib/publishing/live-document";
import type { BriefStatus, TransitionKind } from "./state-machine";

export type TransitionRecord = {
  briefId: string;
  kind: TransitionKind;
  from: BriefStatus;
  to: BriefStatus;
  /** Null when the system made the change. */
  actorId: string | null;
  comment?: string;
  contentHash: string | null;
  data?: Prisma.InputJsonValue;
};

/** Appends one entry to the audit log (BriefTransition is never updated or deleted). */
export async function recordTransition(tx: Tx, record: TransitionRecord) {
  return tx.briefTransition.create({
    data: {
      briefId: record.briefId,
      kind: record.kind,
      fromStatus: record.from,
      toStatus: record.to,
      actorId: record.actorId,
      comment: record.comment ?? "",
      contentHash: record.contentHash,
      ...(record.data === undefined ? {} : { data: record.data }),
    },
    select: { id: true, createdAt: true },
  });
}

/**
 * An APPROVED or PUBLISHED brief whose content (or title) changed goes back to DRAFT: the
 * approval was of another state, so it is cleared, and the audit log says who changed it.
 */
export async function revertApprovalAfterEdit(
  tx: Tx,
  brief: { id: string; status: BriefStatus },
  actorId: string | null,
  contentHash: string | null,
  data?: Prisma.InputJsonValue,
): Promise<void> {
  await tx.brief.update({
    where: { id: brief.id },
    data: { status: "DRAFT", approvedHash: null, approvedById: null, approvedAt: null },
  });
  await recordTransition(tx, {
    briefId: brief.id,
    kind: "EDITED_AFTER_APPROVAL",
    from: brief.status,
    to: "DRAFT",
    actorId,
    contentHash,
    data,
  });
}

/** The author of the latest logged edit not compacted yet: who changed approved content. */
export async function lastPendingEditor(tx: Tx, briefId: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ user_id: string | null }[]>`
    SELECT user_id FROM brief_updates
     WHERE brief_id = ${briefId}::uuid AND user_id IS NOT NULL
     ORDER BY id DESC LIMIT 1`;
  return row?.user_id ?? null;
}

/**
 * What approving the brief now would approve (lib/publishing/approval-hash.ts): the live
 * document's accepted content (pending suggestions are not part of it) with the title,
 * language, direction and citation style stored beside it.
 */
export function liveApprovalHash(
  brief: { title: string; language: string; direction: "LTR" | "RTL"; citationStyle: string },
  live: Pick<LiveDocument, "hash" | "citationStyle"> & Partial<Pick<LiveDocument, "acceptedHash">>,
): string {
  return approvalHash(live.acceptedHash ?? live.hash, shownFields(brief, live.citationStyle));
}

/**
 * The approval hash an APPROVED or PUBLISHED brief stands for: its approval's, or for a
 * published brief without one (published before approvals were hashed), its latest
 * version's.
 */
export async function approvedHashOf(
  tx: Tx,
  brief: { id: string; status: BriefStatus; approvedHash: string | null },
): Promise<string | null> {
  if (brief.approvedHash || brief.status !== "PUBLISHED") return brief.approvedHash;
  const latest = await tx.briefVersion.findFirst({
    where: { briefId: brief.id },
    orderBy: { number: "desc" },
    select: { contentHash: true },
  });
  return latest?.contentHash ?? null;
}
