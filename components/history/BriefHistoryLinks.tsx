import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Props = {
  /** The brief page's path, e.g. /w/western-mali/briefs/<id>. */
  base: string;
  canHistory: boolean;
  canCompare: boolean;
};

/** Links from a brief to its draft history and to compare (what the member may open). */
export async function BriefHistoryLinks({ base, canHistory, canCompare }: Props) {
  if (!canHistory && !canCompare) return null;
  const t = await getTranslations("history");
  return (
    <nav className="brief-history-links" aria-label={t("title")}>
      {canHistory && (
        <Link href={`${base}/history`} data-testid="history-link">
          {t("historyLink")}
        </Link>
      )}
      {canCompare && (
        <Link href={`${base}/compare`} data-testid="compare-link">
          {t("compareLink")}
        </Link>
      )}
    </nav>
  );
}
