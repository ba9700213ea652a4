import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BriefActions } from "@/components/briefs/BriefActions";
import { BriefEditor } from "@/components/editor/BriefEditor";
import { BriefHistoryLinks } from "@/components/history/BriefHistoryLinks";
import { StatusBadge } from "@/components/briefs/StatusBadge";
import { TlpLabel } from "@/components/tradecraft/TlpLabel";
import { ReviewPanel } from "@/components/workflow/ReviewPanel";
import { requireBriefPage } from "@/lib/briefs/brief-page";
import { editorModeOf } from "@/lib/suggestions/mode";

type Props = { params: Promise<{ workspace: string; briefId: string }> };

async function load({ params }: Props) {
  const { workspace: slug, briefId } = await params;
  return requireBriefPage(slug, briefId);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { brief } = await load(props);
  return { title: brief.title };
}

export default async function BriefPage(props: Props) {
  const { workspace, member, brief, user, permissions } = await load(props);
  const t = await getTranslations();
  const format = await getFormatter();
  const { canEdit } = permissions;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const initialMode = canEdit ? await editorModeOf(member, brief.id) : "editing";

  return (
    <article className="stack-lg" data-testid="brief-page">
      <Link href={`/w/${workspace.slug}`}>
        <span className="back-arrow" aria-hidden="true">
          ←
        </span>{" "}
        {t("brief.back")}
      </Link>
      {brief.deletedAt && (
        <p className="banner warning" role="status">
          {t("brief.deletedBanner")}
        </p>
      )}
      <header className="brief-head">
        <h1 dir="auto" lang={brief.language} data-testid="brief-title">
          {brief.title}
        </h1>
        <StatusBadge status={brief.status} />
        <TlpLabel marking={brief.tlp} />
        {!canEdit && (
          <span className="badge badge-readonly" data-testid="read-only-marker">
            {t("brief.readOnly")}
          </span>
        )}
      </header>
      <dl className="meta">
        <div>
          <dt>{t("brief.language")}</dt>
          <dd>
            {t.has(`languages.${brief.language}`)
              ? t(`languages.${brief.language}`)
              : brief.language}
          </dd>
        </div>
        <div>
          <dt>{t("brief.direction")}</dt>
          <dd>{t(`direction.${brief.direction}`)}</dd>
        </div>
        <div>
          <dd>
            {t("brief.createdBy", { name: brief.createdBy.name, when: when(brief.createdAt) })}
          </dd>
          <dd>
            {t("brief.updatedBy", { name: brief.updatedBy.name, when: when(brief.updatedAt) })}
          </dd>
        </div>
      </dl>
      <BriefHistoryLinks
        base={`/w/${workspace.slug}/briefs/${brief.id}`}
        canHistory={permissions.canHistory}
        canCompare={permissions.canReadVersions}
      />
      {(permissions.canRename || permissions.canRestore) && (
        <BriefActions
          workspaceSlug={workspace.slug}
          brief={{ id: brief.id, title: brief.title, deleted: brief.deletedAt !== null }}
          canRename={permissions.canRename}
          canDelete={permissions.canDelete}
          canRestore={permissions.canRestore}
        />
      )}
      <ReviewPanel workspaceSlug={workspace.slug} briefId={brief.id} member={member} />
      {brief.deletedAt ? null : (
        <section
          lang={brief.language}
          data-testid="brief-document"
          dir={brief.direction === "RTL" ? "rtl" : "ltr"}
        >
          <BriefEditor
            briefId={brief.id}
            collabUrl={process.env.COLLAB_URL ?? "ws://localhost:1234"}
            user={{ id: user.id, name: user.name }}
            readOnly={!canEdit}
            comments={{ workspaceSlug: workspace.slug }}
            suggestions={{ workspaceSlug: workspace.slug, initialMode }}
            language={brief.language}
            direction={brief.direction === "RTL" ? "rtl" : "ltr"}
          />
        </section>
      )}
    </article>
  );
}
