import "@/app/sources.css";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/sources/ImportForm";
import { requireWorkspace } from "@/lib/workspaces/access";

export default async function ImportSourcesPage({
  params,
}: {
  params: Promise<{ workspace: string }>;
}) {
  const { workspace: slug } = await params;
  const { workspace } = await requireWorkspace(slug, "source.create");
  const t = await getTranslations("sources");
  return (
    <section className="stack-lg">
      <Link href={`/w/${workspace.slug}/sources`}>← {t("detail.back")}</Link>
      <h1>{t("importPage.title")}</h1>
      <p className="muted">{t("importPage.intro")}</p>
      <ImportForm workspaceSlug={workspace.slug} />
    </section>
  );
}
