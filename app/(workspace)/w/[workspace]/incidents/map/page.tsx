import "@/app/incidents.css";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataCredits } from "@/components/incidents/DataCredits";
import { IncidentFilterForm } from "@/components/incidents/IncidentFilterForm";
import { IncidentMap } from "@/components/incidents/IncidentMap";
import { IncidentViewTabs } from "@/components/incidents/IncidentViewTabs";
import { ChangeMap } from "@/components/incidents/map/ChangeMap";
import { MapViewNav } from "@/components/incidents/map/MapViewNav";
import { browserQuery } from "@/components/incidents/search-params";
import { dataCredits } from "@/lib/incidents/credits";
import { defaultPeriods } from "@/lib/incidents/map/change";
import { mapGrid } from "@/lib/incidents/map/map-grid";
import { mapParams, mapQuery } from "@/lib/incidents/map/map-params";
import { latestIncidentDay, regionChange, regionLabels } from "@/lib/incidents/map/region-change";
import { mapView, zoomAt } from "@/lib/incidents/map/views";
import { filterOptions, incidentTotals } from "@/lib/incidents/queries";
import { filterToSearchParams } from "@/lib/incidents/query-schema";
import { requireWorkspace } from "@/lib/workspaces/access";

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents"))("map.heading") };
}

/**
 * The incident browser's map view: the same filters as the list, drawn on Mali's map, in a
 * country or region view (aggregated by the database at that view's resolution), or as the
 * change between two periods per region.
 */
export default async function IncidentMapPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { workspace, member } = await requireWorkspace(slug, "incident.read");
  const { raw, query, period, filter, badFilter } = browserQuery(await searchParams);
  const map = mapParams(raw);
  const locale = await getLocale();
  const base = `/w/${workspace.slug}/incidents`;
  const filterQuery = filterToSearchParams(filter).toString();

  // The change map's periods: as asked, else proposed from the filter's dates or latest row.
  const periods =
    map.mode === "change" && (!map.a || !map.b)
      ? defaultPeriods(filter, await latestIncidentDay(member, filter))
      : null;
  const a = map.a ?? periods?.a ?? null;
  const b = map.b ?? periods?.b ?? null;
  const state = { view: map.view, mode: map.mode, a, b, unit: map.unit, measure: map.measure };
  const href = (change: Partial<typeof state> & { at?: string }) => {
    const next = { ...state, ...change };
    const q = new URLSearchParams({
      ...Object.fromEntries(filterToSearchParams(filter)),
      ...mapQuery(next),
      ...(change.at ? { at: change.at } : {}),
    }).toString();
    return `${base}/map${q ? `?${q}` : ""}`;
  };

  const [totals, options, credits, labels, grid, change] = await Promise.all([
    incidentTotals(member, filter),
    filterOptions(member),
    dataCredits(member),
    regionLabels(locale),
    map.mode === "incidents" ? mapGrid(member, filter, map.view) : null,
    map.mode === "change" && a && b
      ? regionChange(member, filter, { a, b, unit: map.unit, locale })
      : null,
  ]);
  const t = await getTranslations("incidents");
  const format = await getFormatter();

  return (
    <section className="stack-lg incidents-page">
      <div className="page-head">
        <h1>{t("title")}</h1>
        <Link href={`/w/${workspace.slug}`}>{workspace.name}</Link>
      </div>
      <DataCredits credits={credits} />
      {badFilter && (
        <p className="error" role="alert">
          {t("badFilter")}
        </p>
      )}
      <IncidentFilterForm
        params={query}
        period={period}
        options={options}
        hidden={mapQuery(state)}
      />
      <div className="incident-summary" data-testid="incident-summary">
        <p>
          <strong data-testid="incident-count">{format.number(totals.count)}</strong>{" "}
          {t("summary.incidents", { count: totals.count })}
          {" · "}
          <strong data-testid="incident-fatalities">{format.number(totals.fatalities)}</strong>{" "}
          {t("summary.fatalities", { count: totals.fatalities })}
        </p>
        <IncidentViewTabs base={base} filterQuery={filterQuery} current="map" />
      </div>
      <MapViewNav
        view={map.view}
        mode={map.mode}
        hrefFor={({ view, mode }) =>
          href({ ...(view ? { view: mapView({ view }) } : {}), ...(mode ? { mode } : {}) })
        }
      />
      {grid && (
        <IncidentMap
          grid={grid}
          view={map.view}
          credits={credits}
          detailBase={base}
          placeLabels={map.view.country ? undefined : labels}
          zoomHref={(lon, lat) =>
            href({ view: mapView({ view: "zoom", at: zoomAt(lon, lat, map.view.extent) }) })
          }
          countryHref={href({ view: mapView({}) })}
        />
      )}
      {change && (
        <ChangeMap
          change={change}
          measure={map.measure}
          view={map.view}
          credits={credits}
          badPeriod={map.badPeriod}
          hidden={{
            ...Object.fromEntries(filterToSearchParams(filter)),
            ...mapQuery({ view: map.view, mode: "change" }),
          }}
          areaHref={(spelling) => {
            const q = filterToSearchParams({ ...filter, admin1: undefined, admin2: undefined });
            q.set(map.unit === "region" ? "admin1" : "admin2", spelling);
            return `${base}?${q.toString()}`;
          }}
        />
      )}
    </section>
  );
}
