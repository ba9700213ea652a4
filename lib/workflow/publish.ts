/**
 * Publication: APPROVED → PUBLISHED, creating an immutable BriefVersion from the
 * frozen live document. Runs under the brief row lock, so concurrent clicks publish once:
 * the second click finds the brief PUBLISHED with the same content and gets that version.
 */
import { briefResource } from "@/lib/briefs/load-brief";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { takeSnapshot } from "@/lib/history/snapshots";
import { can, type Member } from "@/lib/policy/can";
import { freezeBrief } from "@/lib/publishing/freeze";
import type { PublishProblem } from "@/lib/publishing/frozen";
import { loadLiveDocument } from "@/lib/publishing/live-document";
import { createVersion, ensureSlug } from "@/lib/publishing/versions";
import { parseOrThrow } from "@/lib/validation/parse";
import { lockBrief } from "./locked-brief";
import { assertPublicLinkAllowed } from "./marking";
import { publishSchema, type PublishInput } from "./schema";
import { assertTransition } from "./service";
import {
  lastPendingEditor,
  liveApprovalHash,
  recordTransition,
  revertApprovalAfterEdit,
} from "./transitions";

/** Refusal that carries the list of problems, so the publisher sees what to fix. */
export class PublishProblemsError extends DomainError {
  readonly problems: PublishProblem[];
  constructor(problems: PublishProblem[]) {
    super("workflowPublishProblems", { count: problems.length });
    this.problems = problems;
  }
}

export type Published = {
  versionId: string;
  number: number;
  slug: string;
  /** True when this call found the version another click had just created. */
  alreadyPublished: boolean;
};

type Outcome = { kind: "published"; version: Published } | { kind: "changed" };

/**
 * Publishes the approved content. Refused unless the brief is APPROVED and its live content
 * still has the approved hash (if not, the brief goes back to DRAFT and the publisher is
 * told), or when freezing finds problems (missing source, broken embed, missing incident).
 */
export async function publish(
  member: Member,
  briefId: string,
  input: PublishInput,
): Promise<Published> {
  const { publicLink, comment } = parseOrThrow(publishSchema, input);
  const outcome = await db.$transaction(
    async (tx): Promise<Outcome> => {
      const brief = await lockBrief(tx, member, briefId, "brief.publish");
      if (!can(member, "brief.setVisibility", briefResource(brief))) {
        throw new DomainError("forbidden");
      }
      const live = await loadLiveDocument(brief.id, tx);
      const approvable = liveApprovalHash(brief, live);
      if (brief.status === "PUBLISHED" && brief.slug) {
        const latest = await tx.briefVersion.findFirst({
          where: { briefId: brief.id },
          orderBy: { number: "desc" },
          select: { id: true, number: true, contentHash: true },
        });
        if (latest && latest.contentHash === approvable) {
          const version = { versionId: latest.id, number: latest.number, slug: brief.slug };
          return { kind: "published", version: { ...version, alreadyPublished: true } };
        }
      }
      assertTransition(brief, "publish");
      // The title, language and style count as much as the body: all were approved together.
      if (approvable !== brief.approvedHash || !brief.approvedById || !brief.approvedAt) {
        await revertApprovalAfterEdit(tx, brief, await lastPendingEditor(tx, brief.id), live.hash);
        return { kind: "changed" };
      }
      assertPublicLinkAllowed(brief, publicLink);
      const frozen = await freezeBrief(member, brief.id, tx);
      if (frozen.contentHash !== brief.approvedHash) {
        await revertApprovalAfterEdit(
          tx,
          brief,
          await lastPendingEditor(tx, brief.id),
          frozen.contentHash,
        );
        return { kind: "changed" };
      }
      if (frozen.problems.length > 0) throw new PublishProblemsError(frozen.problems);
      const slug = await ensureSlug(tx, brief);
      const version = await createVersion(tx, {
        briefId: brief.id,
        frozen,
        approvedById: brief.approvedById,
        approvedAt: brief.approvedAt,
        publishedById: member.userId,
      });
      await tx.brief.update({
        where: { id: brief.id },
        // A new review cycle starts: the four-eyes rule looks at edits made from now on.
        data: { status: "PUBLISHED", publicLink, reviewCycleStartedAt: new Date() },
      });
      await recordTransition(tx, {
        briefId: brief.id,
        kind: "PUBLISH",
        from: brief.status,
        to: "PUBLISHED",
        actorId: member.userId,
        comment,
        // Like every step's entry: the document's hash (the version holds the approval hash).
        contentHash: live.hash,
        data: { versionId: version.id, number: version.number },
      });
      await takeSnapshot(tx, brief.id, "TRANSITION", live);
      const published = { versionId: version.id, number: version.number, slug };
      return { kind: "published", version: { ...published, alreadyPublished: false } };
    },
    { timeout: 60_000 },
  );
  // Thrown after the commit: the return to DRAFT is recorded even though publishing failed.
  if (outcome.kind === "changed") throw new DomainError("workflowChangedSinceApproval");
  return outcome.version;
}
