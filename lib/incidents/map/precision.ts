import type { IncidentDataset } from "../attribution";

/**
 * How precisely a row is located, in words a reader understands. Only "exact" and "near"
 * rows are drawn as points; the others are drawn as a marked centroid with the level stated,
 * so a row coded to a region's centre never looks like a pin on a village.
 */
export type PrecisionLevel =
  "exact" | "near" | "district" | "region" | "wide" | "country" | "international" | "unknown";

export type LocationPrecision = { level: PrecisionLevel; point: boolean };

const UCDP_LEVELS: Record<number, PrecisionLevel> = {
  1: "exact",
  2: "near",
  3: "district",
  4: "region",
  5: "wide",
  6: "country",
  7: "international",
};

const ACLED_LEVELS: Record<number, PrecisionLevel> = {
  1: "exact",
  2: "near",
  3: "region",
};

/** The levels drawn as points; every other level is an area's centre. */
export const POINT_LEVELS: readonly PrecisionLevel[] = ["exact", "near"];

/**
 * UCDP GED `where_prec` (1 exact … 7 international waters) or ACLED `geo_precision`
 * (1 town, 2 near a town, 3 region centre), as stored in `geoPrecision`. A row that does not
 * say (in-house rows, older files) is "unknown" and is not drawn as an exact point either.
 */
export function locationPrecision(
  dataset: IncidentDataset,
  geoPrecision: number | null,
): LocationPrecision {
  const table = dataset === "ACLED" ? ACLED_LEVELS : dataset === "UCDP_GED" ? UCDP_LEVELS : null;
  const level = (geoPrecision !== null && table?.[geoPrecision]) || "unknown";
  return { level, point: POINT_LEVELS.includes(level) };
}
