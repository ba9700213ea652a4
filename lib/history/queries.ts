import * as Y from "yjs";
import { citationStyleOfDoc } from "@/lib/citations/brief-settings";
import type { CitationStyleId } from "@/lib/citations/style-ids";
import { loadBrief } from "@/lib/briefs/load-brief";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { BriefAction, Member } from "@/lib/policy/can";
import { isUuid } from "@/lib/validation/uuid";

const LIST_LIMIT = 200;

/** The brief, if the member may do `action` on it (refused as lib/briefs/load-brief.ts says). */
export async function briefFor(member: Member, briefId: string, action: BriefAction, tx: Tx = db) {
  return loadBrief(member, briefId, action, { tx });
}

export type SnapshotListItem = {
  id: string;
  reason: "SESSION" | "ACTIVITY" | "TRANSITION" | "BEFORE_RESTORE";
  createdAt: Date;
  authors: string[];
  excerpt: string;
};

/** Draft history of a brief, newest first, with the names of each snapshot's authors. */
export async function listSnapshots(
  member: Member,
  briefId: string,
  tx: Tx = db,
): Promise<SnapshotListItem[]> {
  await briefFor(member, briefId, "brief.history", tx);
  const rows = await tx.briefSnapshot.findMany({
    where: { briefId },
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
    select: { id: true, reason: true, createdAt: true, authorIds: true, contentText: true },
  });
  const ids = [...new Set(rows.flatMap((r) => r.authorIds))];
  const users = await tx.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    createdAt: r.createdAt,
    authors: r.authorIds.map((id) => names.get(id) ?? "?"),
    excerpt: r.contentText.slice(0, 160),
  }));
}

export type SnapshotDetail = {
  id: string;
  briefId: string;
  reason: SnapshotListItem["reason"];
  createdAt: Date;
  contentJson: unknown;
  contentText: string;
  /** The citation style held in the snapshot's document (restored with it). */
  citationStyle: CitationStyleId | null;
};

/** One snapshot of the brief (refused like listSnapshots; an id of another brief is notFound). */
export async function findSnapshot(
  member: Member,
  briefId: string,
  snapshotId: string,
  tx: Tx = db,
): Promise<SnapshotDetail> {
  await briefFor(member, briefId, "brief.history", tx);
  if (!isUuid(snapshotId)) throw new DomainError("notFound");
  const row = await tx.briefSnapshot.findFirst({
    where: { id: snapshotId, briefId },
    select: {
      id: true,
      briefId: true,
      reason: true,
      createdAt: true,
      contentJson: true,
      contentText: true,
      state: true,
    },
  });
  if (!row) throw new DomainError("notFound");
  const { state, ...rest } = row;
  return { ...rest, citationStyle: citationStyleOfState(state) };
}

function citationStyleOfState(state: Uint8Array): CitationStyleId | null {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, state);
    return citationStyleOfDoc(scratch);
  } finally {
    scratch.destroy();
  }
}
