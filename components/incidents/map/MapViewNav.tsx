import { getTranslations } from "next-intl/server";
import { MAP_VIEW_IDS, type MapView } from "@/lib/incidents/map/views";

type Props = {
  /** Builds the map page's address for another view or mode, keeping everything else. */
  hrefFor: (change: { view?: string; mode?: "incidents" | "change" }) => string;
  view: MapView;
  mode: "incidents" | "change";
};

/**
 * The map's views (country, regions) and modes (incidents, change by region) as plain links:
 * each is an address (bookmarkable), reached with Tab and Enter, and the current one is marked.
 */
export async function MapViewNav({ hrefFor, view, mode }: Props) {
  const t = await getTranslations("incidents.mapView");
  return (
    <div className="stack" data-testid="incident-map-nav">
      <nav className="incident-period" aria-label={t("modes.label")}>
        {(["incidents", "change"] as const).map((m) => (
          <a
            key={m}
            href={hrefFor({ mode: m })}
            aria-current={mode === m ? "true" : undefined}
            data-testid={`incident-map-mode-${m}`}
          >
            {t(`modes.${m}`)}
          </a>
        ))}
      </nav>
      <nav className="incident-period" aria-label={t("views.label")}>
        {MAP_VIEW_IDS.map((id) => (
          <a
            key={id}
            href={hrefFor({ view: id })}
            aria-current={view.id === id ? "true" : undefined}
            data-testid={`incident-map-view-${id}`}
          >
            {t(`views.${id}`)}
          </a>
        ))}
        {view.id === "zoom" && (
          <span aria-current="true" className="muted" data-testid="incident-map-view-zoom">
            {t("views.zoom")}
          </span>
        )}
      </nav>
    </div>
  );
}
