import "@/app/incidents.css";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataCredits } from "@/components/incidents/DataCredits";
import { IncidentFilterForm } from "@/components/incidents/IncidentFilterForm";
import { IncidentMap } from "@/components/incidents/IncidentMap";
import { IncidentViewTabs } from "@/components/incidents/IncidentViewTabs";
import { browserQuery } from "@/components/incidents/search-params";
import { dataCredits } from "@/lib/incidents/credits";
import { MAP_ROW_LIMIT, mapIncidents } from "@/lib/incidents/map/map-rows";
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

/** The incident browser's map view: the same filters as the list, drawn on Mali's map. */
export default async function IncidentMapPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { workspace, member } = await requireWorkspace(slug, "incident.read");
  const { query, period, filter, badFilter } = browserQuery(await searchParams);
  const [map, totals, options, credits] = await Promise.all([
    mapIncidents(member, filter),
    incidentTotals(member, filter),
    filterOptions(member),
    dataCredits(member),
  ]);
  const t = await getTranslations("incidents");
  const format = await getFormatter();
  const base = `/w/${workspace.slug}/incidents`;
  const filterQuery = filterToSearchParams(filter).toString();

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
      <IncidentFilterForm params={query} period={period} options={options} />
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
      <IncidentMap
        rows={map.rows}
        credits={credits}
        detailBase={base}
        truncated={map.truncated}
        limit={MAP_ROW_LIMIT}
      />
    </section>
  );
}
