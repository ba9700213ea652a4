import { useTranslations } from "next-intl";

/** Admiralty grade, e.g. "B2", with both meanings in the tooltip. */
export function GradeBadge({
  reliability,
  credibility,
}: {
  reliability: string;
  credibility: number;
}) {
  const t = useTranslations("sources");
  return (
    <abbr
      className={`grade grade-${reliability}`}
      data-testid="source-grade"
      title={t("gradeTitle", {
        reliability,
        credibility,
        reliabilityLabel: t(`reliability.${reliability}` as "reliability.A"),
        credibilityLabel: t(`credibility.${credibility}` as "credibility.1"),
      })}
    >
      {reliability}
      {credibility}
    </abbr>
  );
}
