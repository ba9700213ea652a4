/**
 * Staleness before approval: the data behind a draft's embeds and cited incident
 * rows was frozen when it was submitted (the SUBMIT transition's data); reviewers are warned
 * when the same queries and rows give different results now (a re-import changed them).
 * Embeds or citations added or removed by editing are text changes, not stale data, so
 * only those present at submission are compared.
 */
import { dataDiff, type EmbedResultChange, type RowChange } from "@/lib/compare/data-diff";
import { db, type Tx } from "@/lib/db";
import { loadBrief, nullWhenRefused } from "@/lib/briefs/load-brief";
import type { Member } from "@/lib/policy/can";
import { freezeData } from "@/lib/publishing/freeze";
import type { FrozenEmbeds, FrozenIncident } from "@/lib/publishing/frozen";
import { loadLiveDocument } from "@/lib/publishing/live-document";

export type Staleness = {
  submittedAt: Date;
  embedsChanged: EmbedResultChange[];
  incidentsChanged: RowChange[];
  incidentsRemoved: FrozenIncident[];
  count: number;
};

function isFrozenEmbeds(value: unknown): value is FrozenEmbeds {
  const v = value as Partial<FrozenEmbeds> | null;
  return !!v && Array.isArray(v.embeds) && Array.isArray(v.incidents);
}

/**
 * What changed in the data since the brief was submitted, or null when it is not under
 * review, has no baseline, or nothing changed.
 */
export async function reviewStaleness(
  member: Member,
  briefId: string,
  tx: Tx = db,
): Promise<Staleness | null> {
  const brief = await nullWhenRefused(
    loadBrief(member, briefId, "brief.read", { tx, select: { status: true } }),
  );
  if (!brief) return null;
  if (brief.status !== "IN_REVIEW" && brief.status !== "APPROVED") return null;
  const submit = await tx.briefTransition.findFirst({
    where: { briefId, kind: "SUBMIT" },
    orderBy: { createdAt: "desc" },
    select: { data: true, createdAt: true },
  });
  if (!submit || !isFrozenEmbeds(submit.data)) return null;
  const live = await loadLiveDocument(briefId, tx);
  const now = await freezeData(member, live.json, tx);
  const diff = dataDiff(submit.data, now);
  const count =
    diff.embedsChanged.length + diff.incidentsChanged.length + diff.incidentsRemoved.length;
  if (count === 0) return null;
  return {
    submittedAt: submit.createdAt,
    embedsChanged: diff.embedsChanged,
    incidentsChanged: diff.incidentsChanged,
    incidentsRemoved: diff.incidentsRemoved,
    count,
  };
}
