import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BriefTable } from "@/components/briefs/BriefTable";
import { BriefFilters } from "@/components/briefs/BriefFilters";
import { CreateBriefForm } from "@/components/briefs/CreateBriefForm";
import { DeletedBriefs } from "@/components/briefs/DeletedBriefs";
import { MentionsList } from "@/components/comments/MentionsList";
import { IncidentDataCard } from "@/components/incidents/IncidentDataCard";
import { listBriefs, listDeletedBriefs } from "@/lib/briefs/queries";
import { listBriefsSchema } from "@/lib/briefs/schema";
import { can } from "@/lib/policy/can";
import { requireWorkspace } from "@/lib/workspaces/access";

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ q?: string; status?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspace } = await params;
  return { title: decodeURIComponent(workspace) };
}

export default async function BriefsPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { workspace, member } = await requireWorkspace(slug);
  const filter = listBriefsSchema.parse(await searchParams);
  const [briefs, deleted] = await Promise.all([
    listBriefs(member, filter),
    listDeletedBriefs(member),
  ]);
  const t = await getTranslations();
  const ws = { kind: "workspace", id: workspace.id } as const;
  const filtered = Boolean(filter.q || filter.status);

  return (
    <section className="stack-lg">
      <div className="page-head">
        <h1>{workspace.name}</h1>
        <Link href={`/w/${workspace.slug}/incidents`} data-testid="incidents-link">
          {t("incidents.nav")}
        </Link>
        <Link href={`/w/${workspace.slug}/sources`} data-testid="sources-link">
          {t("sources.nav")}
        </Link>
        {can(member, "workspace.manageMembers", ws) && (
          <Link href={`/w/${workspace.slug}/members`}>{t("nav.members")}</Link>
        )}
        {can(member, "workspace.settings", ws) && (
          <Link href={`/w/${workspace.slug}/settings`} data-testid="settings-link">
            {t("workflow.settings.link")}
          </Link>
        )}
      </div>
      {can(member, "brief.create", ws) ? (
        <CreateBriefForm workspaceSlug={workspace.slug} />
      ) : (
        <p className="muted" data-testid="read-only-role">
          {t("briefs.readOnlyRole")}
        </p>
      )}
      <MentionsList member={member} workspaceSlug={workspace.slug} />
      {can(member, "incident.read", ws) && (
        <IncidentDataCard member={member} workspaceSlug={workspace.slug} />
      )}
      <BriefFilters q={filter.q ?? ""} status={filter.status ?? ""} />
      {briefs.length === 0 ? (
        <p className="empty" data-testid="briefs-empty">
          {filtered ? t("briefs.emptyFiltered") : t("briefs.empty")}{" "}
          {filtered && <Link href={`/w/${workspace.slug}`}>{t("briefs.clearFilters")}</Link>}
        </p>
      ) : (
        <BriefTable workspaceSlug={workspace.slug} briefs={briefs} />
      )}
      {deleted.length > 0 && <DeletedBriefs workspaceSlug={workspace.slug} briefs={deleted} />}
    </section>
  );
}
