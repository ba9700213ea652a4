import "@/app/sources.css";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { GradeBadge } from "@/components/sources/GradeBadge";
import { SourceActions } from "@/components/sources/SourceActions";
import { SourceForm } from "@/components/sources/SourceForm";
import { authorLine } from "@/components/sources/SourceTable";
import { typeLabel } from "@/components/sources/type-label";
import { isSafeLinkHref } from "@/lib/editor/link-href";
import { can } from "@/lib/policy/can";
import { findCitingBriefs, findSource } from "@/lib/sources/queries";
import { requireWorkspace } from "@/lib/workspaces/access";

type Props = {
  params: Promise<{ workspace: string; sourceId: string }>;
  searchParams: Promise<{ edit?: string }>;
};

export default async function SourcePage({ params, searchParams }: Props) {
  const { workspace: slug, sourceId } = await params;
  const { workspace, member } = await requireWorkspace(slug, "source.read");
  const source = await findSource(member, sourceId);
  if (!source) notFound();
  const citing = await findCitingBriefs(workspace.id, source.id);
  const t = await getTranslations("sources");
  const format = await getFormatter();
  const ws = { kind: "workspace", id: workspace.id } as const;
  const canEdit = can(member, "source.edit", ws);
  const editing = canEdit && (await searchParams).edit === "1";
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const authors = authorLine(source.authors);

  return (
    <article className="stack-lg source-detail" data-testid="source-detail">
      <Link href={`/w/${workspace.slug}/sources`}>← {t("detail.back")}</Link>
      {source.archivedAt && (
        <p className="banner warning" role="status">
          {t("detail.archivedBanner")}
        </p>
      )}
      <header className="page-head">
        <h1 dir="auto" lang={source.language ?? undefined} data-testid="source-title">
          {source.title}
        </h1>
        <GradeBadge reliability={source.reliability} credibility={source.credibility} />
        {canEdit && !editing && (
          <Link className="button" href={`?edit=1`} data-testid="edit-source">
            {t("detail.edit")}
          </Link>
        )}
      </header>
      {editing ? (
        <SourceForm
          workspaceSlug={workspace.slug}
          sourceId={source.id}
          initial={{ ...source, reliability: source.reliability, tags: source.tags }}
        />
      ) : (
        <dl className="source-fields">
          {source.titleTranslated && (
            <>
              <dt>{t("form.titleTranslated")}</dt>
              <dd dir="auto">{source.titleTranslated}</dd>
            </>
          )}
          <dt>{t("form.type")}</dt>
          <dd>{typeLabel(t, source.type)}</dd>
          {authors && (
            <>
              <dt>{t("form.authors")}</dt>
              <dd dir="auto">{authors}</dd>
            </>
          )}
          {(
            [
              ["issued", source.issued],
              ["accessed", source.accessed],
              ["containerTitle", source.containerTitle],
              ["publisher", source.publisher],
              ["publisherPlace", source.publisherPlace],
              ["doi", source.doi],
              ["archive", source.archive],
              ["archiveLocation", source.archiveLocation],
              ["note", source.note],
            ] as const
          ).map(([key, value]) =>
            value ? (
              <div key={key} className="contents">
                <dt>{t(`form.${key}`)}</dt>
                <dd dir="auto">{value}</dd>
              </div>
            ) : null,
          )}
          {source.language && (
            <>
              <dt>{t("form.language")}</dt>
              <dd>
                {t.has(`languages.${source.language}`)
                  ? t(`languages.${source.language}` as "languages.ar")
                  : source.language}
              </dd>
            </>
          )}
          {source.url && isSafeLinkHref(source.url) && (
            <>
              <dt>{t("form.url")}</dt>
              <dd>
                <a href={source.url} rel="noopener noreferrer nofollow" target="_blank" dir="ltr">
                  {source.url}
                </a>
              </dd>
            </>
          )}
          {source.tags.length > 0 && (
            <>
              <dt>{t("form.tags")}</dt>
              <dd>
                {source.tags.map((tag) => (
                  <span key={tag} className="tag" dir="auto">
                    {tag}
                  </span>
                ))}
              </dd>
            </>
          )}
        </dl>
      )}
      <p className="muted small">
        {t("detail.addedBy", { name: source.createdBy.name, when: when(source.createdAt) })} ·{" "}
        {t("detail.updatedBy", { name: source.updatedBy.name, when: when(source.updatedAt) })}
      </p>
      <section data-testid="citing-briefs">
        <h2>{t("detail.citedBy")}</h2>
        {citing.length === 0 ? (
          <p className="muted">{t("detail.notCited")}</p>
        ) : (
          <ul>
            {citing.map((brief) => (
              <li key={brief.id}>
                <Link href={`/w/${workspace.slug}/briefs/${brief.id}`} dir="auto">
                  {brief.title}
                </Link>{" "}
                {brief.deleted && <span className="muted">{t("detail.deletedBrief")}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {can(member, "source.delete", ws) && (
        <SourceActions
          workspaceSlug={workspace.slug}
          sourceId={source.id}
          archived={source.archivedAt !== null}
        />
      )}
    </article>
  );
}
