import "@/app/sources.css";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SourceForm } from "@/components/sources/SourceForm";
import { requireWorkspace } from "@/lib/workspaces/access";

export default async function NewSourcePage({
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
      <h1>{t("new")}</h1>
      <SourceForm workspaceSlug={workspace.slug} />
    </section>
  );
}
