import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { DataCredit } from "@/lib/incidents/credits";
import { changeOf, type Change, type RegionChange } from "@/lib/incidents/map/change";
import { renderChangeMap, type ChangeMeasure } from "@/lib/incidents/map/render-change-svg";
import type { MapView } from "@/lib/incidents/map/views";
import { directionOf } from "@/lib/i18n/config";

type Props = {
  change: RegionChange;
  measure: ChangeMeasure;
  view: MapView;
  credits: DataCredit[];
  /** The filter and view the form carries along unchanged. */
  hidden: Record<string, string>;
  /** The list of one area's rows (the browser filtered to it), for its link. */
  areaHref: (spelling: string) => string;
  badPeriod: boolean;
};

/** Change between two periods per region or cercle: the period form, the map and a table. */
export async function ChangeMap({
  change,
  measure,
  view,
  credits,
  hidden,
  areaHref,
  badPeriod,
}: Props) {
  const t = await getTranslations("incidents.mapChange");
  const tm = await getTranslations("incidents.map");
  const format = await getFormatter();
  const dir = directionOf(await getLocale());
  const day = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const changeText = (c: Change) =>
    c.ratio === null
      ? t(c.kind)
      : `×${format.number(c.ratio, { maximumFractionDigits: c.ratio < 10 ? 1 : 0 })}`;
  const value = (x: { count: number; fatalities: number }) =>
    measure === "count" ? x.count : x.fatalities;
  const svg = renderChangeMap({
    areas: change.areas,
    measure,
    extent: view.extent,
    dir,
    credits: credits.map((c) => (c.licence ? `${c.credit} (${c.licence})` : c.credit)),
    href: (area) => (area.spellings.length === 1 ? areaHref(area.spellings[0]!) : null),
    labels: {
      title: t("title"),
      countries: {
        MLI: tm("countries.MLI"),
        MRT: tm("countries.MRT"),
        SEN: tm("countries.SEN"),
        GIN: tm("countries.GIN"),
        BFA: tm("countries.BFA"),
        NER: tm("countries.NER"),
        DZA: tm("countries.DZA"),
        CIV: tm("countries.CIV"),
      },
      change: changeText,
      values: (a, b) => t("values", { a, b }),
      method: t("method"),
      legendLater: t("legendLater", { from: day(change.b.from), to: day(change.b.to) }),
      legendEarlier: t("legendEarlier", { from: day(change.a.from), to: day(change.a.to) }),
      legendUp: t("legendUp"),
      legendDown: t("legendDown"),
      approximate: t("approximate"),
      boundaries: tm("boundaries"),
      data: tm("data"),
    },
  });
  const any = change.areas.some((area) => value(area.a) + value(area.b) > 0);
  const unplaced = change.unplaced.a.count + change.unplaced.b.count;
  const dateField = (name: string, label: string, defaultValue: string) => (
    <label className="incident-field">
      <span>{label}</span>
      <input type="date" name={name} defaultValue={defaultValue} required />
    </label>
  );
  return (
    <section
      className="card stack"
      aria-labelledby="incident-change-title"
      data-testid="incident-change-map"
    >
      <h2 id="incident-change-title">{t("title")}</h2>
      <p className="muted">{t("hint")}</p>
      <form method="get" className="incident-filters" data-testid="incident-change-form">
        {Object.entries(hidden).map(([name, v]) => (
          <input key={name} type="hidden" name={name} value={v} />
        ))}
        <fieldset>
          <legend>{t("periodA")}</legend>
          {dateField("aFrom", t("from"), change.a.from)}
          {dateField("aTo", t("to"), change.a.to)}
        </fieldset>
        <fieldset>
          <legend>{t("periodB")}</legend>
          {dateField("bFrom", t("from"), change.b.from)}
          {dateField("bTo", t("to"), change.b.to)}
        </fieldset>
        <label className="incident-field">
          <span>{t("measure")}</span>
          <select name="measure" defaultValue={measure}>
            <option value="count">{t("count")}</option>
            <option value="fatalities">{t("fatalities")}</option>
          </select>
        </label>
        <label className="incident-field">
          <span>{t("unit")}</span>
          <select name="unit" defaultValue={change.unit}>
            <option value="region">{t("region")}</option>
            <option value="cercle">{t("cercle")}</option>
          </select>
        </label>
        <button type="submit">{t("apply")}</button>
      </form>
      {badPeriod && (
        <p className="error" role="alert">
          {t("badPeriod")}
        </p>
      )}
      <p className="muted">{t("datesReplaced")}</p>
      {!any && (
        <p className="muted" data-testid="incident-change-empty">
          {t("empty")}
        </p>
      )}
      {/* The SVG is built from escaped text only (lib/incidents/map/render-change-svg.ts). */}
      <div
        className="incident-map-frame"
        style={{ overflowX: "auto" }}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      {any && (
        <table className="incident-table" data-testid="incident-change-table">
          <thead>
            <tr>
              <th scope="col">{t("area")}</th>
              <th scope="col">
                {t("periodA")}{" "}
                <bdi>
                  ({day(change.a.from)} – {day(change.a.to)})
                </bdi>
              </th>
              <th scope="col">
                {t("periodB")}{" "}
                <bdi>
                  ({day(change.b.from)} – {day(change.b.to)})
                </bdi>
              </th>
              <th scope="col">{t("change")}</th>
            </tr>
          </thead>
          <tbody>
            {change.areas.map((area) => (
              <tr key={area.key} data-area={area.key}>
                <th scope="row">
                  {area.name}
                  {area.at?.from === "incidents" && (
                    <span className="muted"> ({t("approximate")})</span>
                  )}
                </th>
                <td>{format.number(value(area.a))}</td>
                <td>{format.number(value(area.b))}</td>
                <td data-testid="incident-change-ratio">
                  {changeText(changeOf(value(area.a), value(area.b)))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unplaced > 0 && <p className="muted">{t("unplaced", { count: unplaced })}</p>}
    </section>
  );
}
