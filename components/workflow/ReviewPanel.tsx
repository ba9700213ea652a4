import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/briefs/StatusBadge";
import type { Member } from "@/lib/policy/can";
import { reviewPanel } from "@/lib/workflow/queries";
import { reviewStaleness } from "@/lib/workflow/staleness";
import { MarkingControl } from "@/components/tradecraft/MarkingControl";
import { ReviewActions } from "./ReviewActions";
import { StalenessWarning } from "./StalenessWarning";
import { TransitionLog } from "./TransitionLog";

type Props = { workspaceSlug: string; briefId: string; member: Member };

/**
 * The review panel of a brief: status, the steps this member may take, the staleness
 * warning for reviewers, the link to the latest published version and the audit log.
 * Viewers see the status and the log, no buttons.
 */
export async function ReviewPanel({ workspaceSlug, briefId, member }: Props) {
  const data = await reviewPanel(member, briefId);
  if (!data) return null;
  const t = await getTranslations("workflow");
  const ts = await getTranslations("suggestions");
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const reviewer = data.events.includes("approve") || data.events.includes("publish");
  const staleness = reviewer ? await reviewStaleness(member, briefId) : null;

  return (
    <section
      className="review-panel"
      aria-labelledby="review-panel-title"
      data-testid="review-panel"
    >
      <header className="review-panel-head">
        <h2 id="review-panel-title">{t("title")}</h2>
        <span className="muted">{t("status")}</span>
        <span data-testid="workflow-status" data-status={data.status}>
          <StatusBadge status={data.status} />
        </span>
      </header>
      {data.approval && (data.status === "APPROVED" || data.status === "PUBLISHED") && (
        <p className="muted" data-testid="approval">
          {t("approvedBy", { name: data.approval.by, when: when(data.approval.at) })}
        </p>
      )}
      {data.latestVersion && (
        <p>
          <Link href={`/p/${data.latestVersion.slug}`} data-testid="latest-version-link">
            {t("openLatest", { number: data.latestVersion.number })}
          </Link>{" "}
          <span className="muted">
            ({data.publicLink ? t("visibilityPublic") : t("visibilityMembers")})
          </span>
        </p>
      )}
      <MarkingControl
        workspaceSlug={workspaceSlug}
        briefId={briefId}
        marking={data.tlp}
        canMark={data.canMark}
        canLower={data.canSetVisibility}
      />
      {staleness && <StalenessWarning staleness={staleness} />}
      {data.pendingSuggestions > 0 && (
        <p className="banner warning" role="note" data-testid="suggestions-pending">
          {ts("pendingBeforeApproval", { count: data.pendingSuggestions })}
        </p>
      )}
      <ReviewActions
        workspaceSlug={workspaceSlug}
        briefId={briefId}
        events={data.events}
        status={data.status}
        fourEyesBlocked={data.fourEyesBlocked}
        publicLink={data.publicLink}
        marking={data.tlp}
        canSetVisibility={data.canSetVisibility && data.latestVersion !== null}
      />
      <TransitionLog log={data.log} />
    </section>
  );
}
