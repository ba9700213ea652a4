import { MALI_EXTENT, type GeoExtent } from "./projection";

/**
 * The map's views: the whole country with its neighbours, and regions with theirs (Kayes
 * reaches toward Mauritania and Senegal, where incidents cross the border), plus a zoomed
 * view around any point, reached by clicking a cluster. Each is a plain `?view=` value, so a
 * view can be bookmarked and linked.
 */
export const MAP_VIEWS: Record<"mali" | "kayes" | "centre" | "north", GeoExtent> = {
  mali: MALI_EXTENT,
  kayes: [
    [-13.6, 11.8],
    [-7.2, 16.6],
  ],
  centre: [
    [-7.6, 12.2],
    [-0.8, 16.4],
  ],
  north: [
    [-6.2, 14.4],
    [4.6, 21.6],
  ],
};
export type MapViewId = keyof typeof MAP_VIEWS | "zoom";
export const MAP_VIEW_IDS = Object.keys(MAP_VIEWS) as (keyof typeof MAP_VIEWS)[];

export type MapView = {
  id: MapViewId;
  extent: GeoExtent;
  country: boolean;
  /** A zoomed view's centre and span ("lon,lat,span"), as in its address. */
  at?: string;
};

/** A zoomed view is never smaller than this many degrees across (about 25 km at 14° N). */
const MIN_SPAN = 0.25;

/**
 * The view an address asks for: `view=kayes`, or `view=zoom&at=<lon>,<lat>,<span>` (a square
 * `span` degrees wide around a point inside the country view). Anything else is the country.
 */
export function mapView(raw: { view?: string; at?: string }): MapView {
  const id = raw.view;
  if (id && id in MAP_VIEWS && id !== "zoom") {
    const extent = MAP_VIEWS[id as keyof typeof MAP_VIEWS];
    return { id: id as keyof typeof MAP_VIEWS, extent: copy(extent), country: id === "mali" };
  }
  if (id === "zoom" && raw.at) {
    const zoom = zoomExtent(raw.at);
    if (zoom) return { id: "zoom", extent: zoom, country: false, at: raw.at };
  }
  return { id: "mali", extent: copy(MALI_EXTENT), country: true };
}

function copy(extent: GeoExtent): GeoExtent {
  const [[w, s], [e, n]] = extent;
  return [
    [w, s],
    [e, n],
  ];
}

function zoomExtent(at: string): GeoExtent | null {
  const parts = at.split(",").map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return null;
  const [lon, lat, span] = parts as [number, number, number];
  const [[west, south], [east, north]] = MALI_EXTENT;
  if (lon < west || lon > east || lat < south || lat > north) return null;
  const half = Math.min(Math.max(span, MIN_SPAN), east - west) / 2;
  return [
    [Math.max(west, lon - half), Math.max(south, lat - half)],
    [Math.min(east, lon + half), Math.min(north, lat + half)],
  ];
}

/** The `at` of a view zoomed in around a point: a quarter of the current view's width. */
export function zoomAt(lon: number, lat: number, extent: GeoExtent): string {
  const span = Math.max(MIN_SPAN, (extent[1][0] - extent[0][0]) / 4);
  return `${lon.toFixed(3)},${lat.toFixed(3)},${span.toFixed(3)}`;
}
