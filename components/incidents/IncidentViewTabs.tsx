import { getTranslations } from "next-intl/server";

type Props = {
  /** `/w/<slug>/incidents` */
  base: string;
  /** The filter's query string, carried from one view to the other. */
  filterQuery: string;
  current: "list" | "map";
};

/** List or map of the same filtered rows: plain links, so each view can be bookmarked. */
export async function IncidentViewTabs({ base, filterQuery, current }: Props) {
  const t = await getTranslations("incidents.views");
  const suffix = filterQuery ? `?${filterQuery}` : "";
  const tab = (view: "list" | "map", href: string) => (
    <a
      href={href}
      aria-current={current === view ? "true" : undefined}
      data-testid={`incident-view-${view}`}
    >
      {t(view)}
    </a>
  );
  return (
    <nav className="incident-period" aria-label={t("label")}>
      {tab("list", `${base}${suffix}`)}
      {tab("map", `${base}/map${suffix}`)}
    </nav>
  );
}
