import type { Metadata } from "next";
import Link from "next/link";
import { BriefSubpageHeader } from "@/components/history/BriefSubpageHeader";
import { getTranslations } from "next-intl/server";
import { SnapshotList } from "@/components/history/SnapshotList";
import { requireBriefPage } from "@/lib/briefs/brief-page";
import { listSnapshots } from "@/lib/history/queries";

type Props = { params: Promise<{ workspace: string; briefId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("title") };
}

export default async function HistoryPage({ params }: Props) {
  const { workspace: slug, briefId } = await params;
  const { workspace, member, brief, permissions } = await requireBriefPage(
    slug,
    briefId,
    "brief.history",
  );
  const t = await getTranslations("history");
  const snapshots = await listSnapshots(member, brief.id);
  const base = `/w/${workspace.slug}/briefs/${brief.id}`;

  return (
    <article className="stack-lg" data-testid="history-page">
      <BriefSubpageHeader
        back={{ href: base, label: t("back") }}
        title={t("title")}
        brief={brief}
      />
      <p className="muted">{t("intro")}</p>
      <p>
        <Link href={`${base}/compare`}>{t("compareLink")}</Link>
      </p>
      <SnapshotList
        snapshots={snapshots}
        base={base}
        language={brief.language}
        canRestore={permissions.canRestoreSnapshot}
      />
    </article>
  );
}
