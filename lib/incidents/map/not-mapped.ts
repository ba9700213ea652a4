import type { GeoExtent } from "./projection";

/** Why a row is listed under "not mapped" instead of drawn. */
export type NotMappedReason = "missing" | "zero" | "outOfRange" | "outsideMap";

/**
 * Coordinates a map must not draw: missing, (0, 0) (a blank cell read as zero, never a real
 * incident in the Gulf of Guinea), out of the globe's range, or outside the map's frame (the
 * mark would be cut off without a word). Null when the row can be drawn.
 */
export function notMappedReason(
  latitude: number | null | undefined,
  longitude: number | null | undefined,
  extent: GeoExtent,
): NotMappedReason | null {
  if (latitude === null || latitude === undefined || longitude === null || longitude === undefined)
    return "missing";
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return "missing";
  if (latitude === 0 && longitude === 0) return "zero";
  if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) return "outOfRange";
  const [[west, south], [east, north]] = extent;
  if (longitude < west || longitude > east || latitude < south || latitude > north)
    return "outsideMap";
  return null;
}
