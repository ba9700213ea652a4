import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { TlpLabel } from "@/components/tradecraft/TlpLabel";
import { StatusBadge } from "./StatusBadge";

export type BriefRow = {
  id: string;
  title: string;
  status: "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED";
  language: string;
  direction: "LTR" | "RTL";
  tlp: string;
  updatedAt: Date;
  updatedBy: { name: string };
};

export async function BriefTable({
  workspaceSlug,
  briefs,
}: {
  workspaceSlug: string;
  briefs: BriefRow[];
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <table className="table" data-testid="brief-table">
      <thead>
        <tr>
          <th scope="col">{t("briefs.colTitle")}</th>
          <th scope="col">{t("briefs.colStatus")}</th>
          <th scope="col">{t("briefs.colLanguage")}</th>
          <th scope="col">{t("briefs.colEdited")}</th>
        </tr>
      </thead>
      <tbody>
        {briefs.map((brief) => (
          <tr key={brief.id}>
            <td>
              {/* The title keeps its own direction inside a table of the UI's direction. */}
              <Link
                href={`/w/${workspaceSlug}/briefs/${brief.id}`}
                dir="auto"
                lang={brief.language}
              >
                {brief.title}
              </Link>
            </td>
            <td>
              <StatusBadge status={brief.status} /> <TlpLabel marking={brief.tlp} />
            </td>
            <td>
              {t.has(`languages.${brief.language}`)
                ? t(`languages.${brief.language}`)
                : brief.language}
            </td>
            <td>
              {t("briefs.editedBy", {
                when: format.relativeTime(brief.updatedAt),
                name: brief.updatedBy.name,
              })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
