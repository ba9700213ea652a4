import { FieldReader, TEXT_MAX_CHARS, type RowError } from "./fields";
import type { IncidentValues } from "./incident-values";

const VIOLENCE_TYPES: Record<number, string> = {
  1: "state-based",
  2: "non-state",
  3: "one-sided",
};

/** One UCDP GED row → incident values, or every problem found in it. */
export function mapUcdpRow(
  record: Record<string, string>,
  line: number,
): { values: IncidentValues } | { errors: RowError[] } {
  const r = new FieldReader(record, line);
  const id = r.required("id");
  if (id && !/^\d+$/.test(id)) r.fail("id", `"${id}" is not a GED event id`);
  const violence = r.int("type_of_violence", { min: 1, max: 3, required: true });
  const dateStart = r.date("date_start");
  const dateEnd = r.date("date_end");
  if (dateStart && dateEnd && dateEnd < dateStart) r.fail("date_end", "is before date_start");
  const year = r.int("year", { required: true });
  if (dateStart && year !== null && year !== dateStart.getUTCFullYear())
    r.fail("year", `${year} does not match date_start`);
  const best = r.int("best", { min: 0, required: true });
  const low = r.int("low", { min: 0 });
  const high = r.int("high", { min: 0 });
  if (best !== null && low !== null && low > best) r.fail("low", `${low} is above best (${best})`);
  if (best !== null && high !== null && high < best)
    r.fail("high", `${high} is below best (${best})`);
  const values: IncidentValues = {
    externalId: id,
    dateStart: dateStart ?? new Date(0),
    dateEnd: dateEnd ?? new Date(0),
    datePrecision: r.int("date_prec", { min: 1, max: 5 }),
    eventType: violence ? VIOLENCE_TYPES[violence]! : "",
    subEventType: null,
    sideA: r.required("side_a"),
    sideB: r.required("side_b"),
    assocActors: null,
    country: r.text("country"),
    admin1: r.text("adm_1"),
    admin2: r.text("adm_2"),
    admin3: null,
    placeName: r.text("where_coordinates"),
    latitude: r.decimal("latitude", -90, 90),
    longitude: r.decimal("longitude", -180, 180),
    geoPrecision: r.int("where_prec", { min: 1, max: 7 }),
    fatalitiesBest: best ?? 0,
    fatalitiesLow: low,
    fatalitiesHigh: high,
    civilianDeaths: r.int("deaths_civilians", { min: 0 }),
    description: r.text("where_description", TEXT_MAX_CHARS),
    sourceText: r.text("source_article", TEXT_MAX_CHARS),
    sourceScale: null,
    numberOfSources: r.int("number_of_sources", { min: 0 }),
    clarity: r.int("event_clarity", { min: 1, max: 2 }),
    raw: record,
  };
  return r.errors.length ? { errors: r.errors } : { values };
}
