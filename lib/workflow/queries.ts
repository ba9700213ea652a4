/** What the review panel of a brief shows (reads only). */
import { db, type Tx } from "@/lib/db";
import { loadBrief, nullWhenRefused } from "@/lib/briefs/load-brief";
import { can, type Member } from "@/lib/policy/can";
import { loadLiveDocument } from "@/lib/publishing/live-document";
import { editedSince } from "./four-eyes";
import { EVENT_ACTION, eventsFrom, type BriefStatus, type PersonEvent } from "./state-machine";
import { isTlpMarking, type TlpMarking } from "@/lib/tradecraft/tlp";

const LOG_LIMIT = 200;

export type ReviewPanelData = {
  status: BriefStatus;
  /** Buttons this member may use now. */
  events: PersonEvent[];
  canSetVisibility: boolean;
  publicLink: boolean;
  /** The handling marking, and whether this member may make it stricter (canMark). */
  tlp: TlpMarking;
  canMark: boolean;
  /** The four-eyes rule would refuse this member's approval. */
  fourEyesBlocked: boolean;
  /** Suggestions still pending in the draft (counted for those who may approve, else 0). */
  pendingSuggestions: number;
  approval: { by: string; at: Date } | null;
  latestVersion: { number: number; slug: string } | null;
  log: {
    id: string;
    /** The kind, or for VISIBILITY which way it went: VISIBILITY_PUBLIC / VISIBILITY_MEMBERS;
     * RENAMED_AFTER_APPROVAL for a rename that returned the brief to DRAFT. */
    kind: string;
    from: BriefStatus;
    to: BriefStatus;
    actor: string | null;
    comment: string;
    at: Date;
    /** For MARKING: the handling marking before and after. */
    marking?: { from: TlpMarking; to: TlpMarking };
  }[];
};

/** Null when the member may not read the brief (or it is deleted: no workflow then). */
export async function reviewPanel(
  member: Member,
  briefId: string,
  tx: Tx = db,
): Promise<ReviewPanelData | null> {
  const brief = await nullWhenRefused(
    loadBrief(member, briefId, "brief.read", {
      tx,
      select: {
        status: true,
        slug: true,
        tlp: true,
        approvedAt: true,
        reviewCycleStartedAt: true,
        approvedBy: { select: { name: true } },
        workspace: { select: { fourEyes: true } },
      },
    }),
  );
  if (!brief || brief.deletedAt) return null;
  const { resource } = brief;
  // A published brief is revised in place: the first edit returns it to DRAFT at the next
  // compaction, which this page may not have seen yet. So "submit" is offered; the service
  // reads the live content and refuses when nothing changed since publication.
  const offered: PersonEvent[] =
    brief.status === "PUBLISHED"
      ? [...eventsFrom(brief.status), "submit"]
      : eventsFrom(brief.status);
  const events = offered.filter((e) => can(member, EVENT_ACTION[e], resource));
  const fourEyesBlocked =
    events.includes("approve") &&
    brief.workspace.fourEyes &&
    (await editedSince(tx, brief.id, member.userId, brief.reviewCycleStartedAt));
  // Counted from the stored document, as approve() counts them.
  const pendingSuggestions = events.includes("approve")
    ? ((await loadLiveDocument(brief.id, tx)).pendingSuggestions ?? 0)
    : 0;
  const [latest, transitions] = await Promise.all([
    tx.briefVersion.findFirst({
      where: { briefId },
      orderBy: { number: "desc" },
      select: { number: true },
    }),
    tx.briefTransition.findMany({
      where: { briefId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LOG_LIMIT,
      select: {
        id: true,
        kind: true,
        fromStatus: true,
        toStatus: true,
        comment: true,
        data: true,
        createdAt: true,
        actor: { select: { name: true } },
      },
    }),
  ]);
  return {
    status: brief.status,
    events,
    canSetVisibility: can(member, "brief.setVisibility", resource),
    publicLink: brief.publicLink,
    // The database's marking trigger admits only the five labels.
    tlp: isTlpMarking(brief.tlp) ? brief.tlp : "RED",
    canMark: can(member, "brief.mark", resource),
    fourEyesBlocked,
    pendingSuggestions,
    approval:
      brief.approvedAt && brief.approvedBy
        ? { by: brief.approvedBy.name, at: brief.approvedAt }
        : null,
    latestVersion: latest && brief.slug ? { number: latest.number, slug: brief.slug } : null,
    log: transitions.map((t) => ({
      id: t.id,
      kind:
        t.kind === "VISIBILITY"
          ? (t.data as { publicLink?: boolean } | null)?.publicLink
            ? "VISIBILITY_PUBLIC"
            : "VISIBILITY_MEMBERS"
          : t.kind === "EDITED_AFTER_APPROVAL" && (t.data as { renamed?: unknown } | null)?.renamed
            ? "RENAMED_AFTER_APPROVAL"
            : t.kind,
      from: t.fromStatus,
      to: t.toStatus,
      actor: t.actor?.name ?? null,
      comment: t.comment,
      ...(t.kind === "MARKING" ? { marking: markingChange(t.data) } : {}),
      at: t.createdAt,
    })),
  };
}

function markingChange(data: unknown): { from: TlpMarking; to: TlpMarking } | undefined {
  const { from, to } = (data ?? {}) as { from?: unknown; to?: unknown };
  return isTlpMarking(from) && isTlpMarking(to) ? { from, to } : undefined;
}
