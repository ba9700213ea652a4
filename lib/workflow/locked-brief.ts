import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { authorizeBrief, briefResource } from "@/lib/briefs/load-brief";
import type { BriefAction, Member } from "@/lib/policy/can";
import { isUuid } from "@/lib/validation/uuid";
import { isTlpMarking, type TlpMarking } from "@/lib/tradecraft/tlp";
import type { BriefStatus } from "./state-machine";

export type LockedBrief = {
  id: string;
  workspaceId: string;
  title: string;
  language: string;
  direction: "LTR" | "RTL";
  citationStyle: string;
  status: BriefStatus;
  deletedAt: Date | null;
  slug: string | null;
  publicLink: boolean;
  tlp: TlpMarking;
  /** lib/publishing/approval-hash.ts of what was approved (content and shown fields). */
  approvedHash: string | null;
  approvedById: string | null;
  approvedAt: Date | null;
  reviewCycleStartedAt: Date;
  fourEyes: boolean;
  viewersMayComment: boolean;
};

type Row = {
  id: string;
  workspace_id: string;
  title: string;
  language: string;
  direction: "LTR" | "RTL";
  citation_style: string;
  status: BriefStatus;
  deleted_at: Date | null;
  slug: string | null;
  public_link: boolean;
  tlp: string;
  approved_hash: string | null;
  approved_by_id: string | null;
  approved_at: Date | null;
  review_cycle_started_at: Date;
  four_eyes: boolean;
  viewers_may_comment: boolean;
};

/**
 * Locks the brief row (SELECT … FOR UPDATE) for the rest of the transaction, so two
 * workflow steps on one brief run one after the other (two publish clicks → one version),
 * then checks `action`. A brief of another workspace, or one the member may not even
 * read, is notFound; a readable brief the member may not act on is forbidden.
 */
export async function lockBrief(
  tx: Tx,
  member: Member,
  briefId: string,
  action: BriefAction,
): Promise<LockedBrief> {
  if (!isUuid(briefId)) throw new DomainError("notFound");
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT b.id, b.workspace_id, b.title, b.language, b.direction::text AS direction,
           b.citation_style, b.status, b.deleted_at, b.slug, b.public_link, b.tlp,
           b.approved_hash, b.approved_by_id, b.approved_at, b.review_cycle_started_at,
           w.four_eyes, w.viewers_may_comment
      FROM briefs b JOIN workspaces w ON w.id = b.workspace_id
     WHERE b.id = ${briefId}::uuid
       FOR UPDATE OF b`;
  if (!row || row.workspace_id !== member.workspaceId) throw new DomainError("notFound");
  const brief: LockedBrief = {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    language: row.language,
    direction: row.direction,
    citationStyle: row.citation_style,
    status: row.status,
    deletedAt: row.deleted_at,
    slug: row.slug,
    publicLink: row.public_link,
    // The database's marking trigger admits only the five labels.
    tlp: isTlpMarking(row.tlp) ? row.tlp : "RED",
    approvedHash: row.approved_hash,
    approvedById: row.approved_by_id,
    approvedAt: row.approved_at,
    reviewCycleStartedAt: row.review_cycle_started_at,
    fourEyes: row.four_eyes,
    viewersMayComment: row.viewers_may_comment,
  };
  authorizeBrief(member, action, briefResource(brief));
  return brief;
}
