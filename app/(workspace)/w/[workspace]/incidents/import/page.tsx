import "@/app/incidents.css";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/incidents/ImportForm";
import { listImportBatches } from "@/lib/incidents/import-batches";
import { requireWorkspace } from "@/lib/workspaces/access";

type Props = { params: Promise<{ workspace: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents"))("import.title") };
}

export default async function ImportIncidentsPage({ params }: Props) {
  const { workspace: slug } = await params;
  const { workspace, member } = await requireWorkspace(slug, "incident.import");
  const batches = await listImportBatches(member);
  const t = await getTranslations("incidents");
  const format = await getFormatter();
  return (
    <section className="stack-lg">
      <div className="page-head">
        <h1>{t("import.title")}</h1>
        <Link href={`/w/${workspace.slug}/incidents`}>{t("title")}</Link>
      </div>
      <p className="muted">{t("import.intro")}</p>
      <ImportForm workspaceSlug={workspace.slug} today={new Date().toISOString().slice(0, 10)} />
      <section className="stack">
        <h2>{t("import.history")}</h2>
        {batches.length === 0 ? (
          <p className="muted">{t("import.noHistory")}</p>
        ) : (
          <table className="table" data-testid="import-history">
            <thead>
              <tr>
                <th scope="col">{t("import.when")}</th>
                <th scope="col">{t("columns.dataset")}</th>
                <th scope="col">{t("import.file")}</th>
                <th scope="col">{t("import.counts.inserted")}</th>
                <th scope="col">{t("import.counts.updated")}</th>
                <th scope="col">{t("import.counts.unchanged")}</th>
                <th scope="col">{t("import.counts.removed")}</th>
                <th scope="col">{t("import.counts.rejected")}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td>
                    {format.dateTime(b.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    <div className="muted">
                      <bdi>{b.createdBy.name}</bdi>
                    </div>
                  </td>
                  <td>
                    {t(`datasetsShort.${b.dataset}`)} {b.datasetVersion}
                    <div className="muted">
                      {t("import.accessed", {
                        date: format.dateTime(b.accessDate, {
                          dateStyle: "medium",
                          timeZone: "UTC",
                        }),
                      })}
                    </div>
                  </td>
                  <td>
                    <bdi>{b.fileName}</bdi>
                  </td>
                  <td>{b.inserted}</td>
                  <td>{b.updated}</td>
                  <td>{b.unchanged}</td>
                  <td>{b.removed}</td>
                  <td>
                    {b.rejected}
                    {b.rejected > 0 && (
                      <>
                        {" "}
                        ·{" "}
                        <a
                          href={`/api/incidents/${workspace.slug}/batches/${b.id}/errors`}
                          download
                        >
                          {t("import.downloadErrors")}
                        </a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
