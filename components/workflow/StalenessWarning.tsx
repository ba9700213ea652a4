import { getFormatter, getTranslations } from "next-intl/server";
import type { Staleness } from "@/lib/workflow/staleness";

/** Tells reviewers which embeds and cited incidents give other data than at submission. */
export async function StalenessWarning({ staleness }: { staleness: Staleness }) {
  const t = await getTranslations("workflow.stale");
  const format = await getFormatter();
  const when = format.dateTime(staleness.submittedAt, { dateStyle: "medium", timeStyle: "short" });
  const value = (v: unknown) => (v === null || v === undefined ? "—" : String(v));
  return (
    <div className="banner warning" role="status" data-testid="staleness-warning">
      <p>
        <strong>{t("title", { when })}</strong>
      </p>
      <ul>
        {staleness.embedsChanged.map((change) => (
          <li key={change.key}>
            {t("embed", {
              kind: t(`kind.${change.kind}`),
              added: change.rowsAdded.length,
              removed: change.rowsRemoved.length,
              changed: change.rowsChanged.length + change.series.length,
            })}
            {change.totals.length > 0 && (
              <ul>
                {change.totals.map((total) => (
                  <li key={total.field}>
                    {t("totals", {
                      field: total.field,
                      from: value(total.from),
                      to: value(total.to),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
        {staleness.incidentsChanged.map((change) => (
          <li key={`changed-${change.id}`}>{t("incidentChanged", { label: change.label })}</li>
        ))}
        {staleness.incidentsRemoved.map((incident) => (
          <li key={`removed-${incident.id}`}>
            {t("incidentRemoved", { label: `${incident.dataset} ${incident.externalId}` })}
          </li>
        ))}
      </ul>
    </div>
  );
}
