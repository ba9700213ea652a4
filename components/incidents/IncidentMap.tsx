import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { DataCredit } from "@/lib/incidents/credits";
import type { ClusterMark, CentroidMark, MapRow } from "@/lib/incidents/map/layout";
import type { MapGrid } from "@/lib/incidents/map/map-grid";
import type { PrecisionLevel } from "@/lib/incidents/map/precision";
import { mapFrame } from "@/lib/incidents/map/projection";
import { renderIncidentMap, type MapLabels, type PlaceLabel } from "@/lib/incidents/map/render-svg";
import type { MapView } from "@/lib/incidents/map/views";
import { directionOf } from "@/lib/i18n/config";

type Props = {
  /** The marks, counted by the database for this view (lib/incidents/map/map-grid.ts). */
  grid: MapGrid;
  view: MapView;
  credits: DataCredit[];
  /** `/w/<slug>/incidents`: each mark of one row links to its row's page. */
  detailBase: string;
  /** The address of a closer view around a point, for grouped marks. */
  zoomHref?: (lon: number, lat: number) => string;
  /** The country view's address (from a region view, for the rows outside it). */
  countryHref?: string;
  placeLabels?: readonly PlaceLabel[];
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

const WIDTH = 800;

/** The map's words in the reader's language. */
export async function incidentMapLabels(): Promise<MapLabels> {
  const t = await getTranslations("incidents.map");
  const tv = await getTranslations("incidents.mapView");
  const format = await getFormatter();
  return {
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
    zoomIn: tv("zoomIn"),
  };
}

/** A grouped mark's position back in degrees, for the link that zooms in on it. */
function markLonLat(view: MapView, mark: ClusterMark | CentroidMark): [number, number] | null {
  const { projection } = mapFrame(view.extent, WIDTH);
  return projection.invert?.([mark.x, mark.y]) ?? null;
}

/** Shown in full under the map; beyond this the count still says how many there are. */
const LISTED_NOT_MAPPED = 200;

/** The map of the filtered rows (server-rendered SVG) and the rows it could not place. */
export async function IncidentMap(props: Props) {
  const { grid, view, credits, detailBase, zoomHref, countryHref, placeLabels } = props;
  const t = await getTranslations("incidents.map");
  const tv = await getTranslations("incidents.mapView");
  const tr = await getTranslations("incidents");
  const format = await getFormatter();
  const dir = directionOf(await getLocale());
  const { svg, layout } = renderIncidentMap({
    rows: [],
    layout: grid.layout,
    extent: view.extent,
    width: WIDTH,
    detailBase,
    dir,
    placeLabels,
    credits: credits.map((c) => (c.licence ? `${c.credit} (${c.licence})` : c.credit)),
    labels: await incidentMapLabels(),
    zoomHref: zoomHref
      ? (mark) => {
          const at = markLonLat(view, mark);
          return at ? zoomHref(at[0], at[1]) : null;
        }
      : undefined,
  });
  const notMappedCount = Object.values(grid.notMappedCounts).reduce((a, b) => a + b, 0);
  const notMapped = layout.notMapped;
  const marks = layout.points.length + layout.clusters.length + layout.centroids.length;
  const drawn = grid.total - notMappedCount - grid.outsideView;
  const row = (r: MapRow) => (
    <a href={`${detailBase}/${r.id}`}>
      {tr(`datasetsShort.${r.dataset}`)} <span className="muted">#{r.externalId}</span>
    </a>
  );
  return (
    <section
      className="card stack"
      aria-labelledby="incident-map-title"
      data-testid="incident-map"
      data-view={view.id}
      data-total={grid.total}
    >
      <h2 id="incident-map-title">{t("heading")}</h2>
      <p className="muted">{t("hint")}</p>
      {grid.total === 0 ? (
        <p className="muted" data-testid="incident-map-empty">
          {tv("empty")}
        </p>
      ) : (
        drawn === 0 && (
          <p className="muted" data-testid="incident-map-empty">
            {tv("emptyView")}
          </p>
        )
      )}
      {drawn > marks && (
        <p className="muted" data-testid="incident-map-aggregated">
          {tv("aggregated", { count: drawn, marks })}
        </p>
      )}
      {/* The SVG is built from escaped text only (lib/incidents/map/render-svg.ts). */}
      <div
        className="incident-map-frame"
        style={{ overflowX: "auto" }}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      {grid.outsideView > 0 && (
        <p className="muted" data-testid="incident-map-outside" data-count={grid.outsideView}>
          {tv("outsideView", { count: grid.outsideView })}{" "}
          {countryHref && <a href={countryHref}>{tv("showAll")}</a>}
        </p>
      )}
      <details data-testid="incident-not-mapped" data-count={notMappedCount}>
        <summary>{t("notMapped", { count: notMappedCount })}</summary>
        <p className="muted">{t("notMappedHint")}</p>
        {notMapped.length > 0 && (
          <ul className="plain-list">
            {notMapped.slice(0, LISTED_NOT_MAPPED).map(({ row: r, reason }) => (
              <li key={r.id}>
                {row(r)}{" "}
                <bdi>{format.dateTime(r.dateStart, { dateStyle: "medium", timeZone: "UTC" })}</bdi>{" "}
                — {t(`reasons.${reason}`)}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
