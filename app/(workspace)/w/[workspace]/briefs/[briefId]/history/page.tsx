import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SnapshotList } from "@/components/history/SnapshotList";
import { requireBriefPage } from "@/lib/history/brief-page-access";
import { listSnapshots } from "@/lib/history/queries";

type Props = { params: Promise<{ workspace: string; briefId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("title") };
}

export default async function HistoryPage({ params }: Props) {
  const { workspace: slug, briefId } = await params;
  const { workspace, member, brief, allowed } = await requireBriefPage(slug, briefId, "brief.history"); // prettier-ignore
  const t = await getTranslations("history");
  const snapshots = await listSnapshots(member, brief.id);
  const base = `/w/${workspace.slug}/briefs/${brief.id}`;

  return (
    <article className="stack-lg" data-testid="history-page">
      <Link href={base}>
        <span className="back-arrow" aria-hidden="true">
          ←
        </span>{" "}
        {t("back")}
      </Link>
      <header className="page-head">
        <h1>{t("title")}</h1>
        <p dir="auto" lang={brief.language}>
          {brief.title}
        </p>
      </header>
      <p className="muted">{t("intro")}</p>
      <p>
        <Link href={`${base}/compare`}>{t("compareLink")}</Link>
      </p>
      <SnapshotList
        snapshots={snapshots}
        base={base}
        language={brief.language}
        canRestore={allowed("brief.restoreSnapshot")}
      />
    </article>
  );
}
