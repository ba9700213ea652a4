import { FieldReader, TEXT_MAX_CHARS, type RowError } from "./fields";
import type { IncidentValues } from "./incident-values";

/** One ACLED row → incident values, or every problem found in it. */
export function mapAcledRow(
  record: Record<string, string>,
  line: number,
): { values: IncidentValues } | { errors: RowError[] } {
  const r = new FieldReader(record, line);
  const id = r.required("event_id_cnty");
  if (id && !/^[A-Z]{3}\d+$/.test(id))
    r.fail("event_id_cnty", `"${id}" is not an ACLED event id (e.g. MLI12345)`);
  const date = r.date("event_date");
  const year = r.int("year", { required: true });
  if (date && year !== null && year !== date.getUTCFullYear())
    r.fail("year", `${year} does not match event_date`);
  const assoc = [r.text("assoc_actor_1", TEXT_MAX_CHARS), r.text("assoc_actor_2", TEXT_MAX_CHARS)]
    .filter(Boolean)
    .join("; ");
  const values: IncidentValues = {
    externalId: id,
    dateStart: date ?? new Date(0),
    dateEnd: date ?? new Date(0),
    datePrecision: r.int("time_precision", { min: 1, max: 3 }),
    eventType: r.required("event_type"),
    subEventType: r.text("sub_event_type"),
    sideA: r.required("actor1"),
    sideB: r.text("actor2"),
    assocActors: assoc || null,
    country: r.text("country"),
    admin1: r.text("admin1"),
    admin2: r.text("admin2"),
    admin3: r.text("admin3"),
    placeName: r.text("location"),
    latitude: r.decimal("latitude", -90, 90),
    longitude: r.decimal("longitude", -180, 180),
    geoPrecision: r.int("geo_precision", { min: 1, max: 3 }),
    fatalitiesBest: r.int("fatalities", { min: 0, required: true }) ?? 0,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    civilianDeaths: null,
    description: r.text("notes", TEXT_MAX_CHARS),
    sourceText: r.text("source", TEXT_MAX_CHARS),
    sourceScale: r.text("source_scale"),
    numberOfSources: null,
    clarity: null,
    raw: record,
  };
  return r.errors.length ? { errors: r.errors } : { values };
}
