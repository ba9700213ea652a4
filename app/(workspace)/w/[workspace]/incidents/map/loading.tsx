import { getTranslations } from "next-intl/server";

/** While the server counts and draws a large map, the page says so instead of going blank. */
export default async function IncidentMapLoading() {
  const t = await getTranslations("incidents.mapView");
  return (
    <section className="card stack" aria-busy="true" data-testid="incident-map-loading">
      <p role="status">{t("loading")}</p>
      <progress aria-label={t("loading")} />
    </section>
  );
}
