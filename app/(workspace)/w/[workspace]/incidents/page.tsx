import "@/app/incidents.css";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AddIncidentForm } from "@/components/incidents/AddIncidentForm";
import { DataCredits } from "@/components/incidents/DataCredits";
import { IncidentChart } from "@/components/incidents/IncidentChart";
import { IncidentFilterForm } from "@/components/incidents/IncidentFilterForm";
import { IncidentResults } from "@/components/incidents/IncidentResults";
import { IncidentViewTabs } from "@/components/incidents/IncidentViewTabs";
import { SaveQueryForm } from "@/components/incidents/SaveQueryForm";
import { browserQuery } from "@/components/incidents/search-params";
import { dataCredits } from "@/lib/incidents/credits";
import { filterOptions, incidentSeries, listIncidents } from "@/lib/incidents/queries";
import { filterToSearchParams } from "@/lib/incidents/query-schema";
import { listSavedQueries } from "@/lib/incidents/saved-queries";
import { can } from "@/lib/policy/can";
import { requireWorkspace } from "@/lib/workspaces/access";

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents"))("title") };
}

export default async function IncidentsPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { workspace, member } = await requireWorkspace(slug, "incident.read");
  const { raw, query, period, filter, badFilter } = browserQuery(await searchParams);
  const [list, series, options, saved, credits] = await Promise.all([
    listIncidents(member, query),
    incidentSeries(member, query, period),
    filterOptions(member),
    listSavedQueries(member),
    dataCredits(member),
  ]);
  const t = await getTranslations("incidents");
  const format = await getFormatter();
  const ws = { kind: "workspace", id: workspace.id } as const;
  const base = `/w/${workspace.slug}/incidents`;
  const filterQuery = filterToSearchParams(filter).toString();
  const periodHref = (p: string) =>
    `?${new URLSearchParams({ ...raw, period: p, page: "1" }).toString()}`;

  return (
    <section className="stack-lg incidents-page">
      <div className="page-head">
        <h1>{t("title")}</h1>
        <Link href={`/w/${workspace.slug}`}>{workspace.name}</Link>
        {can(member, "incident.import", ws) && (
          <Link href={`${base}/import`} data-testid="incident-import-link">
            {t("import.title")}
          </Link>
        )}
      </div>
      <DataCredits credits={credits} />
      {badFilter && (
        <p className="error" role="alert">
          {t("badFilter")}
        </p>
      )}
      {can(member, "incident.edit", ws) && <AddIncidentForm workspaceSlug={workspace.slug} />}
      <IncidentFilterForm params={query} period={period} options={options} />
      <div className="incident-summary" data-testid="incident-summary">
        <p>
          <strong data-testid="incident-count">{format.number(list.total)}</strong>{" "}
          {t("summary.incidents", { count: list.total })}
          {" · "}
          <strong data-testid="incident-fatalities">{format.number(list.fatalities)}</strong>{" "}
          {t("summary.fatalities", { count: list.fatalities })}
        </p>
        <a
          href={`/api/incidents/${workspace.slug}/export?${filterQuery}`}
          download
          data-testid="incident-export"
        >
          {t("export")}
        </a>
        <IncidentViewTabs base={base} filterQuery={filterQuery} current="list" />
      </div>
      {series.length > 0 && (
        <section className="card stack" aria-labelledby="incident-chart-title">
          <div className="page-head">
            <h2 id="incident-chart-title">
              {t(period === "year" ? "chart.perYear" : "chart.perMonth")}
            </h2>
            <nav className="incident-period" aria-label={t("chart.period")}>
              <a href={periodHref("year")} aria-current={period === "year" ? "true" : undefined}>
                {t("chart.year")}
              </a>
              <a href={periodHref("month")} aria-current={period === "month" ? "true" : undefined}>
                {t("chart.month")}
              </a>
            </nav>
          </div>
          <IncidentChart
            series={series}
            title={t(period === "year" ? "chart.perYear" : "chart.perMonth")}
            labels={{ count: t("chart.incidents"), fatalities: t("chart.fatalities") }}
          />
        </section>
      )}
      {list.total === 0 ? (
        <p className="empty" data-testid="incidents-empty">
          {filterQuery ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <IncidentResults
          rows={list.rows}
          params={query}
          period={period}
          total={list.total}
          pageSize={list.pageSize}
          detailBase={base}
        />
      )}
      <section className="card stack" aria-labelledby="saved-queries">
        <h2 id="saved-queries">{t("saved.title")}</h2>
        {saved.length === 0 ? (
          <p className="muted">{t("saved.none")}</p>
        ) : (
          <ul className="plain-list" data-testid="saved-queries">
            {saved.map((s) => (
              <li key={s.id}>
                <a href={`?${filterToSearchParams(s.query as object).toString()}`}>
                  <bdi>{s.name}</bdi>
                </a>
              </li>
            ))}
          </ul>
        )}
        <SaveQueryForm workspaceSlug={workspace.slug} filter={filter} />
      </section>
    </section>
  );
}
