import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SourceRow } from "@/lib/sources/queries";
import { GradeBadge } from "./GradeBadge";
import { typeLabel } from "./type-label";

export function authorLine(authors: unknown): string {
  if (!Array.isArray(authors)) return "";
  return authors
    .map(
      (a: { literal?: string; family?: string; given?: string }) =>
        a.literal ?? [a.given, a.family].filter(Boolean).join(" "),
    )
    .filter(Boolean)
    .join(", ");
}

export async function SourceTable({
  workspaceSlug,
  sources,
}: {
  workspaceSlug: string;
  sources: SourceRow[];
}) {
  const t = await getTranslations("sources");
  return (
    <table className="source-table" data-testid="source-table">
      <thead>
        <tr>
          <th scope="col">{t("columns.title")}</th>
          <th scope="col">{t("columns.outlet")}</th>
          <th scope="col">{t("columns.date")}</th>
          <th scope="col">{t("columns.grade")}</th>
          <th scope="col">{t("columns.tags")}</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => (
          <tr key={source.id} data-testid="source-row">
            <td>
              <Link
                href={`/w/${workspaceSlug}/sources/${source.id}`}
                dir="auto"
                lang={source.language ?? undefined}
              >
                {source.title}
              </Link>
              <div className="muted small">
                {typeLabel(t, source.type)}
                {authorLine(source.authors) && (
                  <>
                    {" "}
                    · <bdi>{authorLine(source.authors)}</bdi>
                  </>
                )}
              </div>
            </td>
            <td dir="auto">{source.containerTitle ?? source.publisher ?? ""}</td>
            <td className="nowrap">{source.issued ?? ""}</td>
            <td>
              <GradeBadge reliability={source.reliability} credibility={source.credibility} />
            </td>
            <td>
              {source.tags.map((tag) => (
                <span key={tag} className="tag" dir="auto">
                  {tag}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
