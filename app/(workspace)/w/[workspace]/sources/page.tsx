import "@/app/sources.css";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SourceFilters } from "@/components/sources/SourceFilters";
import { SourceTable } from "@/components/sources/SourceTable";
import { can } from "@/lib/policy/can";
import { listSources } from "@/lib/sources/queries";
import { listSourcesSchema } from "@/lib/sources/schema";
import { requireWorkspace } from "@/lib/workspaces/access";

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sources");
  return { title: t("title") };
}

export default async function SourcesPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { workspace, member } = await requireWorkspace(slug, "source.read");
  const filter = listSourcesSchema.parse(await searchParams);
  const sources = await listSources(member, filter);
  const t = await getTranslations("sources");
  const canCreate = can(member, "source.create", { kind: "workspace", id: workspace.id });
  const filtered = Boolean(
    filter.q || filter.type || filter.grade || filter.language || filter.archived,
  );

  return (
    <section className="stack-lg sources-page" data-testid="sources-page">
      <Link href={`/w/${workspace.slug}`}>← {workspace.name}</Link>
      <div className="page-head">
        <h1>{t("title")}</h1>
        {canCreate && (
          <div className="actions">
            <Link
              className="button primary"
              href={`/w/${workspace.slug}/sources/new`}
              data-testid="new-source"
            >
              {t("new")}
            </Link>
            <Link
              className="button"
              href={`/w/${workspace.slug}/sources/import`}
              data-testid="import-sources"
            >
              {t("import")}
            </Link>
          </div>
        )}
      </div>
      <p className="muted">{t("intro")}</p>
      <SourceFilters filter={filter} />
      <p className="muted" data-testid="source-count">
        {t("count", { count: sources.length })}
      </p>
      {sources.length === 0 ? (
        <p className="empty">
          {filtered ? t("emptyFiltered") : t("empty")}{" "}
          {filtered && <Link href={`/w/${workspace.slug}/sources`}>{t("clearFilters")}</Link>}
        </p>
      ) : (
        <SourceTable workspaceSlug={workspace.slug} sources={sources} />
      )}
    </section>
  );
}
