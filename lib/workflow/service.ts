/**
 * Review workflow steps. Each runs in one transaction that locks the brief row,
 * asks the policy, asks the state machine, then writes the new status, an audit-log entry
 * with the content hash of the live draft, and a draft-history snapshot. Publication, which
 * also freezes a version, is in ./publish.ts.
 */
import { db, type Tx } from "@/lib/db";
import { countPendingSuggestions } from "@/lib/editor/accepted-content";
import { DomainError } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { takeSnapshot } from "@/lib/history/snapshots";
import type { Member } from "@/lib/policy/can";
import { freezeData } from "@/lib/publishing/freeze";
import { loadLiveDocument, type LiveDocument } from "@/lib/publishing/live-document";
import { parseOrThrow } from "@/lib/validation/parse";
import { assertFourEyes } from "./four-eyes";
import { lockBrief, type LockedBrief } from "./locked-brief";
import { assertPublicLinkAllowed } from "./marking";
import { transitionCommentSchema } from "./schema";
import {
  EVENT_ACTION,
  nextStatus,
  TRANSITION_KIND,
  type BriefStatus,
  type PersonEvent,
} from "./state-machine";
import {
  approvedHashOf,
  lastPendingEditor,
  liveApprovalHash,
  recordTransition,
  revertApprovalAfterEdit,
} from "./transitions";

export type TransitionOutcome = { status: BriefStatus; transitionId: string };

type Prepared = {
  data?: Prisma.InputJsonValue;
  brief?: Prisma.BriefUpdateInput;
};

/** The state machine's answer, as the error a user sees. */
export function assertTransition(brief: LockedBrief, event: PersonEvent): BriefStatus {
  const to = nextStatus(brief.status, event);
  if (!to) throw new DomainError("workflowInvalidTransition");
  return to;
}

/**
 * Compaction returns edited approved content to DRAFT, but runs in the background: an edit
 * still in the log must not let a stale approval stand (or block submitting a revision of
 * a published brief), so the step settles it first from the live content.
 */
async function settleEditedApproval(
  tx: Tx,
  brief: LockedBrief,
  live: LiveDocument,
): Promise<LockedBrief> {
  if (brief.status !== "APPROVED" && brief.status !== "PUBLISHED") return brief;
  if (liveApprovalHash(brief, live) === (await approvedHashOf(tx, brief))) return brief;
  await revertApprovalAfterEdit(tx, brief, await lastPendingEditor(tx, brief.id), live.hash);
  return { ...brief, status: "DRAFT", approvedHash: null, approvedById: null, approvedAt: null };
}

/**
 * The shared shape of a step. `prepare` runs after the checks, inside the lock, with the
 * live draft: it may refuse (four-eyes) or add data to the transition and the brief.
 */
async function step(
  member: Member,
  briefId: string,
  event: PersonEvent,
  comment: string,
  prepare?: (tx: Tx, brief: LockedBrief, live: LiveDocument) => Promise<Prepared>,
): Promise<TransitionOutcome> {
  return db.$transaction(
    async (tx) => {
      const locked = await lockBrief(tx, member, briefId, EVENT_ACTION[event]);
      const live = await loadLiveDocument(locked.id, tx);
      const brief = await settleEditedApproval(tx, locked, live);
      // The panel offers "submit changes" on a published brief before compaction has seen
      // the edit; when there is no edit at all, say so rather than "not possible now".
      if (event === "submit" && brief.status === "PUBLISHED") {
        throw new DomainError("workflowUnchangedSincePublished");
      }
      const to = assertTransition(brief, event);
      const prepared = (await prepare?.(tx, brief, live)) ?? {};
      await tx.brief.update({
        where: { id: brief.id },
        data: { status: to, ...prepared.brief },
      });
      const transition = await recordTransition(tx, {
        briefId: brief.id,
        kind: TRANSITION_KIND[event],
        from: brief.status,
        to,
        actorId: member.userId,
        comment,
        contentHash: live.hash,
        data: prepared.data,
      });
      await takeSnapshot(tx, brief.id, "TRANSITION", live);
      return { status: to, transitionId: transition.id };
    },
    { timeout: 30_000 },
  );
}

/**
 * DRAFT → IN_REVIEW. Freezes the data behind the draft's embeds and incident citations as
 * the staleness baseline the reviewers compare against (./staleness.ts).
 */
export async function submitForReview(member: Member, briefId: string, comment = "") {
  const text = parseOrThrow(transitionCommentSchema, comment);
  return step(member, briefId, "submit", text, async (tx, _brief, live) => {
    const baseline = await freezeData(member, live.json, tx);
    return { data: baseline as unknown as Prisma.InputJsonValue };
  });
}

/** IN_REVIEW → DRAFT by an editor, without a decision. */
export async function withdrawFromReview(member: Member, briefId: string, comment = "") {
  return step(member, briefId, "withdraw", parseOrThrow(transitionCommentSchema, comment));
}

/** IN_REVIEW → DRAFT by an approver, who must say what to change. */
export async function requestChanges(member: Member, briefId: string, comment: string) {
  const text = parseOrThrow(transitionCommentSchema, comment);
  if (!text) throw new DomainError("workflowCommentRequired");
  return step(member, briefId, "requestChanges", text);
}

/**
 * IN_REVIEW → APPROVED. The approval is of the live content and the title, language and
 * citation style shown with it: an edit or a rename that changes them later returns the
 * brief to DRAFT (./after-edit.ts, lib/briefs/service.ts). Refused by the four-eyes rule when the
 * approver edited the draft during this review cycle.
 */
export async function approve(member: Member, briefId: string, comment = "") {
  const text = parseOrThrow(transitionCommentSchema, comment);
  return step(member, briefId, "approve", text, async (tx, brief, live) => {
    await assertFourEyes(tx, brief, member.userId);
    // Every suggestion is decided before an approval: accepted into the text or rejected.
    const pending = live.pendingSuggestions ?? countPendingSuggestions(live.json);
    if (pending > 0) throw new DomainError("workflowSuggestionsPending", { count: pending });
    return {
      brief: {
        approvedHash: liveApprovalHash(brief, live),
        approvedBy: { connect: { id: member.userId } },
        approvedAt: new Date(),
      },
    };
  });
}

/** Published versions readable by anyone with the link, or by members only. */
export async function setPublicLink(member: Member, briefId: string, publicLink: boolean) {
  return db.$transaction(async (tx) => {
    const brief = await lockBrief(tx, member, briefId, "brief.setVisibility");
    const wanted = publicLink === true;
    if (brief.publicLink === wanted) return { publicLink: wanted };
    assertPublicLinkAllowed(brief, wanted);
    await tx.brief.update({ where: { id: brief.id }, data: { publicLink: wanted } });
    // Who may read the published versions is a publisher's decision: the audit log keeps it.
    await recordTransition(tx, {
      briefId: brief.id,
      kind: "VISIBILITY",
      from: brief.status,
      to: brief.status,
      actorId: member.userId,
      contentHash: null,
      data: { publicLink: wanted },
    });
    return { publicLink: wanted };
  });
}
