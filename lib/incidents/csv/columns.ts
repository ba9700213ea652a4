/** The 49 columns of a UCDP GED (and GED Candidate) CSV, in the order UCDP publishes them. */
// A table of literal data: several names to a line, in the publisher's order, reads and
// checks against the codebook better than one name a line.
// prettier-ignore
export const UCDP_GED_COLUMNS = [
  "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
  "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name",
  "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
  "number_of_sources", "source_article", "source_office", "source_date", "source_headline",
  "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
  "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
  "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
  "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
] as const;

/** The 31 columns of an ACLED export. */
// Aligned like the UCDP list above, for the same reason.
// prettier-ignore
export const ACLED_COLUMNS = [
  "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
  "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
  "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
  "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
  "fatalities", "tags", "timestamp",
] as const;

export type ImportDataset = "UCDP_GED" | "ACLED";

export const COLUMNS: Record<ImportDataset, readonly string[]> = {
  UCDP_GED: UCDP_GED_COLUMNS,
  ACLED: ACLED_COLUMNS,
};

/** Which dataset a header row belongs to, by its identifying columns; null if neither. */
export function detectDataset(header: readonly string[]): ImportDataset | null {
  const names = new Set(header);
  if (names.has("event_id_cnty")) return "ACLED";
  if (names.has("type_of_violence") || names.has("side_a") || names.has("dyad_name"))
    return "UCDP_GED";
  return null;
}
