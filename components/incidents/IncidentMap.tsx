import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { DataCredit } from "@/lib/incidents/credits";
import type { MapRow } from "@/lib/incidents/map/layout";
import type { PrecisionLevel } from "@/lib/incidents/map/precision";
import { renderIncidentMap } from "@/lib/incidents/map/render-svg";
import { directionOf } from "@/lib/i18n/config";

type Props = {
  rows: MapRow[];
  credits: DataCredit[];
  /** `/w/<slug>/incidents`: each mark links to its row's page. */
  detailBase: string;
  truncated: boolean;
  limit: number;
};

const LEVELS: PrecisionLevel[] = [
  "exact",
  "near",
  "district",
  "region",
  "wide",
  "country",
  "international",
  "unknown",
];

/** Shown in full under the map; beyond this the count still says how many there are. */
const LISTED_NOT_MAPPED = 200;

/** The map of the filtered rows (server-rendered SVG) and the rows it could not place. */
export async function IncidentMap({ rows, credits, detailBase, truncated, limit }: Props) {
  const t = await getTranslations("incidents.map");
  const tr = await getTranslations("incidents");
  const format = await getFormatter();
  const dir = directionOf(await getLocale());
  const { svg, layout } = renderIncidentMap({
    rows,
    detailBase,
    dir,
    credits: credits.map((c) => (c.licence ? `${c.credit} (${c.licence})` : c.credit)),
    labels: {
      title: t("title"),
      countries: {
        MLI: t("countries.MLI"),
        MRT: t("countries.MRT"),
        SEN: t("countries.SEN"),
        GIN: t("countries.GIN"),
        BFA: t("countries.BFA"),
        NER: t("countries.NER"),
        DZA: t("countries.DZA"),
        CIV: t("countries.CIV"),
      },
      precision: Object.fromEntries(LEVELS.map((l) => [l, t(`precision.${l}`)])) as Record<
        PrecisionLevel,
        string
      >,
      fatalities: (count) => t("fatalities", { count }),
      incidents: (count) => t("incidents", { count }),
      legendPoint: t("legendPoint"),
      legendCentroid: t("legendCentroid"),
      legendCluster: t("legendCluster"),
      boundaries: t("boundaries"),
      data: t("data"),
      formatDate: (d) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }),
    },
  });
  const notMapped = layout.notMapped;
  return (
    <section className="card stack" aria-labelledby="incident-map-title" data-testid="incident-map">
      <h2 id="incident-map-title">{t("heading")}</h2>
      <p className="muted">{t("hint")}</p>
      {truncated && (
        <p className="muted" data-testid="incident-map-truncated">
          {t("truncated", { count: limit })}
        </p>
      )}
      {/* The SVG is built from escaped text only (lib/incidents/map/render-svg.ts). */}
      <div
        className="incident-map-frame"
        style={{ overflowX: "auto" }}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <details data-testid="incident-not-mapped" data-count={notMapped.length}>
        <summary>{t("notMapped", { count: notMapped.length })}</summary>
        <p className="muted">{t("notMappedHint")}</p>
        {notMapped.length > 0 && (
          <ul className="plain-list">
            {notMapped.slice(0, LISTED_NOT_MAPPED).map(({ row, reason }) => (
              <li key={row.id}>
                <a href={`${detailBase}/${row.id}`}>
                  {tr(`datasetsShort.${row.dataset}`)}{" "}
                  <span className="muted">#{row.externalId}</span>
                </a>{" "}
                <bdi>
                  {format.dateTime(row.dateStart, { dateStyle: "medium", timeZone: "UTC" })}
                </bdi>{" "}
                — {t(`reasons.${reason}`)}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
