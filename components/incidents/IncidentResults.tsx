import { getFormatter, getTranslations } from "next-intl/server";
import type { IncidentRow } from "@/lib/incidents/queries";
import {
  filterToSearchParams,
  type IncidentSort,
  type ListParams,
} from "@/lib/incidents/query-schema";

type Props = {
  rows: IncidentRow[];
  params: ListParams;
  period: "month" | "year";
  total: number;
  pageSize: number;
  /** `/w/<slug>/incidents`: each row links to its detail page. */
  detailBase: string;
};

/** The sortable, paginated table of the browser; sorting and paging are links (no JS needed). */
export async function IncidentResults({
  rows,
  params,
  period,
  total,
  pageSize,
  detailBase,
}: Props) {
  const t = await getTranslations("incidents");
  const format = await getFormatter();
  const href = (change: Partial<ListParams>) => {
    const next = { ...params, ...change };
    const query = filterToSearchParams(next);
    query.set("sort", next.sort);
    query.set("dir", next.dir);
    query.set("period", period);
    if (next.page > 1) query.set("page", String(next.page));
    return `?${query.toString()}`;
  };
  const sortHeader = (sort: IncidentSort, label: string) => {
    const active = params.sort === sort;
    const dir = active && params.dir === "desc" ? "asc" : "desc";
    return (
      <th
        scope="col"
        aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : "none"}
      >
        <a href={href({ sort, dir, page: 1 })} data-testid={`sort-${sort}`}>
          {label} {active ? (params.dir === "asc" ? "▲" : "▼") : ""}
        </a>
      </th>
    );
  };
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <div className="incident-table-wrap">
        <table className="table incident-table" data-testid="incident-table">
          <thead>
            <tr>
              {sortHeader("date", t("columns.date"))}
              {sortHeader("dataset", t("columns.dataset"))}
              {sortHeader("eventType", t("columns.eventType"))}
              <th scope="col">{t("columns.actors")}</th>
              {sortHeader("admin1", t("columns.admin1"))}
              <th scope="col">{t("columns.admin2")}</th>
              <th scope="col">{t("columns.place")}</th>
              {sortHeader("fatalities", t("columns.fatalities"))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="incident-row" data-external-id={r.externalId}>
                <td>
                  <bdi>
                    {format.dateTime(r.dateStart, { dateStyle: "medium", timeZone: "UTC" })}
                  </bdi>
                </td>
                <td>
                  <a href={`${detailBase}/${r.id}`} data-testid="incident-detail-link">
                    {t(`datasetsShort.${r.dataset}`)} <span className="muted">#{r.externalId}</span>
                  </a>
                </td>
                <td>{r.eventType}</td>
                <td>
                  <bdi>{r.sideA}</bdi>
                  {r.sideB ? (
                    <>
                      {" "}
                      – <bdi>{r.sideB}</bdi>
                    </>
                  ) : null}
                </td>
                <td>
                  <bdi>{r.admin1}</bdi>
                </td>
                <td>
                  <bdi>{r.admin2}</bdi>
                </td>
                <td>
                  <bdi>{r.placeName}</bdi>
                </td>
                <td className="num">
                  {r.fatalitiesBest}
                  {r.fatalitiesHigh !== null && r.fatalitiesHigh !== r.fatalitiesBest ? (
                    <span className="muted">
                      {" "}
                      ({r.fatalitiesLow}–{r.fatalitiesHigh})
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="incident-pages" aria-label={t("pagination")}>
          {params.page > 1 && <a href={href({ page: params.page - 1 })}>{t("previous")}</a>}
          <span>{t("pageOf", { page: params.page, pages })}</span>
          {params.page < pages && (
            <a href={href({ page: params.page + 1 })} data-testid="next-page">
              {t("next")}
            </a>
          )}
        </nav>
      )}
    </>
  );
}
