import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WorkspaceSettingsForm } from "@/components/workflow/WorkspaceSettingsForm";
import { getWorkspaceSettings } from "@/lib/workflow/settings";
import { requireWorkspace } from "@/lib/workspaces/access";

type Props = { params: Promise<{ workspace: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workflow.settings"))("title") };
}

export default async function WorkspaceSettingsPage({ params }: Props) {
  const { workspace: slug } = await params;
  // Non-admins get the 404 page: they learn nothing about the settings.
  const { workspace, member } = await requireWorkspace(slug, "workspace.settings");
  const settings = await getWorkspaceSettings(member);
  const t = await getTranslations("workflow.settings");
  return (
    <section className="stack-lg">
      <Link href={`/w/${workspace.slug}`}>
        <span className="back-arrow" aria-hidden="true">
          ←
        </span>{" "}
        {t("back", { workspace: workspace.name })}
      </Link>
      <h1>{t("title")}</h1>
      <WorkspaceSettingsForm workspaceSlug={workspace.slug} settings={settings} />
    </section>
  );
}
