import { getTranslations } from "next-intl/server";
import type { DatasetAttribution } from "@/lib/incidents/attribution";

type Credit = DatasetAttribution & { rows?: number };

/**
 * "Data: <credit>, licence CC BY 4.0 · 12 rows": what the workspace owes the providers of
 * the incident data it shows. The credit is the provider's own wording, never translated.
 */
export async function DataCredits({ credits }: { credits: Credit[] }) {
  if (credits.length === 0) return null;
  const t = await getTranslations("incidents.credits");
  return (
    <ul className="plain-list data-credits" data-testid="incident-attribution">
      {credits.map((c) => (
        <li key={c.credit}>
          {t("label")}{" "}
          <a href={c.url} rel="noopener" target="_blank" dir="ltr">
            {c.credit}
          </a>
          {c.licence && c.licenceUrl && (
            <>
              {t("separator")}
              {t("licence")}{" "}
              <a href={c.licenceUrl} rel="license noopener" target="_blank" dir="ltr">
                {c.licence}
              </a>
            </>
          )}
          {c.rows !== undefined && <span className="muted"> · {t("rows", { count: c.rows })}</span>}
        </li>
      ))}
    </ul>
  );
}
