import { getTranslations } from "next-intl/server";
import type { CitationDiff } from "@/lib/compare/citation-diff";

/** Sources cited in one side only, sources whose title or grade changed, a style change. */
export async function CitationDiffView({ diff }: { diff: CitationDiff }) {
  const t = await getTranslations("history.compare");
  return (
    <ul className="diff-list" data-testid="diff-citations">
      {diff.style && <li>{t("styleChanged", { from: diff.style.from, to: diff.style.to })}</li>}
      {diff.added.map((s) => (
        <li key={`a-${s.id}`} className="diff-added">
          <span className="badge">{t("added")}</span> <ins dir="auto">{s.title}</ins> ({s.grade})
        </li>
      ))}
      {diff.removed.map((s) => (
        <li key={`r-${s.id}`} className="diff-removed">
          <span className="badge">{t("removed")}</span> <del dir="auto">{s.title}</del> ({s.grade})
        </li>
      ))}
      {diff.changed.map((c) => (
        <li key={`c-${c.id}`} className="diff-changed">
          <span className="badge">{t("changed")}</span> <bdi>{c.to.title}</bdi>
          <ul>
            {c.fields.map((field) => (
              <li key={field}>
                {t("fieldChange", {
                  field: t(`field.${field}`),
                  from: String(c.from[field]),
                  to: String(c.to[field]),
                })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
