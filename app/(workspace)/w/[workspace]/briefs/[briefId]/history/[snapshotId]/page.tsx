import "@/app/publishing.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { isDatabaseUnavailableError } from "@/lib/errors/database-unavailable";
import { isDomainError } from "@/lib/errors/domain-error";
import { requireBriefPage } from "@/lib/briefs/brief-page";
import { findSnapshot } from "@/lib/history/queries";
import { renderSnapshotHtml } from "@/lib/history/render-snapshot";
import { sanitizePublishedHtml } from "@/lib/publishing/sanitize-html";

type Props = { params: Promise<{ workspace: string; briefId: string; snapshotId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("title") };
}

export default async function SnapshotPage({ params }: Props) {
  const { workspace: slug, briefId, snapshotId } = await params;
  const { workspace, member, brief, permissions } = await requireBriefPage(
    slug,
    briefId,
    "brief.history",
  );
  const snapshot = await findSnapshot(member, brief.id, snapshotId).catch((error: unknown) => {
    if (isDomainError(error) && !isDatabaseUnavailableError(error)) notFound();
    throw error;
  });
  const t = await getTranslations("history");
  const format = await getFormatter();
  const html = await renderSnapshotHtml(member, snapshot, brief);
  const base = `/w/${workspace.slug}/briefs/${brief.id}`;
  const dir = brief.direction === "RTL" ? "rtl" : "ltr";

  return (
    <article className="stack-lg" data-testid="snapshot-page">
      <Link href={`${base}/history`}>
        <span className="back-arrow" aria-hidden="true">
          ←
        </span>{" "}
        {t("title")}
      </Link>
      <header className="page-head">
        <h1>
          {t("snapshotTitle", {
            when: format.dateTime(snapshot.createdAt, { dateStyle: "medium", timeStyle: "medium" }),
          })}
        </h1>
        <p>
          <span className="badge">{t(`reason.${snapshot.reason}`)}</span>
        </p>
      </header>
      <div className="snapshot-actions">
        <Link href={`${base}/compare?from=s:${snapshot.id}&to=draft`}>{t("compareWithDraft")}</Link>
        {permissions.canRestoreSnapshot && (
          <Link href={`${base}?restore=${snapshot.id}`} data-testid="restore-link">
            {t("restore")}
          </Link>
        )}
      </div>
      {permissions.canRestoreSnapshot && <p className="muted">{t("restoreHint")}</p>}
      <p className="muted">{t("dataNow")}</p>
      <div
        className="reader-body snapshot-body"
        lang={brief.language}
        dir={dir}
        data-testid="snapshot-body"
        // Rendered and sanitized by renderBriefHtml; sanitized again as defence in depth.
        dangerouslySetInnerHTML={{ __html: sanitizePublishedHtml(html) }}
      />
    </article>
  );
}
