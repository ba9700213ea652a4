import { z } from "zod";
import type { ChangeMeasure } from "./render-change-svg";
import type { ChangeUnit, Period } from "./change";
import { mapView, type MapView } from "./views";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What the map page reads from its address beside the browser's filter: the view, the mode
 * (incidents or change by region) and, for the change map, its two periods, measure and areas.
 * A period that is missing or backwards is left unset (the page then proposes one and says so).
 */
export function mapParams(raw: Record<string, string>): {
  view: MapView;
  mode: "incidents" | "change";
  a: Period | null;
  b: Period | null;
  badPeriod: boolean;
  unit: ChangeUnit;
  measure: ChangeMeasure;
} {
  const period = (from?: string, to?: string): Period | null | "bad" => {
    if (!from && !to) return null;
    const f = day.safeParse(from);
    const t = day.safeParse(to);
    if (!f.success || !t.success || f.data > t.data) return "bad";
    return { from: f.data, to: t.data };
  };
  const a = period(raw.aFrom, raw.aTo);
  const b = period(raw.bFrom, raw.bTo);
  return {
    view: mapView({ view: raw.view, at: raw.at }),
    mode: raw.mode === "change" ? "change" : "incidents",
    a: a === "bad" ? null : a,
    b: b === "bad" ? null : b,
    badPeriod: a === "bad" || b === "bad",
    unit: raw.unit === "cercle" ? "cercle" : "region",
    measure: raw.measure === "fatalities" ? "fatalities" : "count",
  };
}

/** The address's map part (view, mode, periods…) as query parameters, for links and forms. */
export function mapQuery(params: {
  view?: MapView;
  mode?: "incidents" | "change";
  a?: Period | null;
  b?: Period | null;
  unit?: ChangeUnit;
  measure?: ChangeMeasure;
}): Record<string, string> {
  const out: Record<string, string> = {};
  if (params.view && params.view.id !== "mali") out.view = params.view.id;
  if (params.view?.id === "zoom" && params.view.at) out.at = params.view.at;
  if (params.mode === "change") out.mode = "change";
  if (params.a) Object.assign(out, { aFrom: params.a.from, aTo: params.a.to });
  if (params.b) Object.assign(out, { bFrom: params.b.from, bTo: params.b.to });
  if (params.unit === "cercle") out.unit = "cercle";
  if (params.measure === "fatalities") out.measure = "fatalities";
  return out;
}
