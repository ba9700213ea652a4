import { getTranslations } from "next-intl/server";
import { DATASETS, type ListParams } from "@/lib/incidents/query-schema";

type Props = {
  params: ListParams;
  period: "month" | "year";
  options: { admin1: string[]; eventTypes: string[] };
  /** Other parts of the address the form carries along (e.g. the map's view). */
  hidden?: Record<string, string>;
};

/** A plain GET form: the filter lives in the URL, so a view can be bookmarked and shared. */
export async function IncidentFilterForm({ params, period, options, hidden }: Props) {
  const t = await getTranslations("incidents");
  const field = (name: keyof ListParams, type = "text", extra: object = {}) => (
    <label className="incident-field">
      <span>{t(`filters.${name}`)}</span>
      <input
        name={name}
        type={type}
        defaultValue={(params[name] as string | number | undefined) ?? ""}
        {...extra}
      />{" "}
    </label>
  );
  return (
    <form className="incident-filters" role="search" method="get" data-testid="incident-filters">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {field("q", "search", { placeholder: t("filters.qPlaceholder"), maxLength: 200 })}
      {field("from", "date")}
      {field("to", "date")}
      {field("admin1", "text", { list: "incident-admin1", maxLength: 200 })}
      <datalist id="incident-admin1">
        {options.admin1.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      {field("admin2", "text", { maxLength: 200 })}
      {field("place", "text", { maxLength: 200 })}
      {field("actor", "text", { placeholder: t("filters.actorPlaceholder"), maxLength: 200 })}
      <label className="incident-field">
        <span>{t("filters.eventType")}</span>
        <select name="eventType" defaultValue={params.eventType ?? ""}>
          <option value="">{t("filters.any")}</option>
          {options.eventTypes.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </label>
      <label className="incident-field">
        <span>{t("filters.dataset")}</span>
        <select name="dataset" defaultValue={params.dataset ?? ""}>
          <option value="">{t("filters.any")}</option>
          {DATASETS.map((d) => (
            <option key={d} value={d}>
              {t(`datasets.${d}`)}
            </option>
          ))}
        </select>
      </label>
      {field("minFatalities", "number", { min: 0 })}
      {field("maxFatalities", "number", { min: 0 })}
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      <input type="hidden" name="period" value={period} />
      <div className="incident-filter-actions">
        <button type="submit" className="primary" data-testid="incident-filter-submit">
          {t("filters.apply")}
        </button>
        <a href="?">{t("filters.clear")}</a>
      </div>
    </form>
  );
}
