import { geoMercator, type GeoProjection } from "d3-geo";

/** [[west, south], [east, north]] in degrees. */
export type GeoExtent = [[number, number], [number, number]];

/** Mali and its neighbours: Mauritania, Senegal, Guinea, Burkina Faso, Niger and south Algeria. */
export const MALI_EXTENT: GeoExtent = [
  [-17.8, 9.0],
  [5.2, 25.3],
];

/**
 * A Mercator projection that fits the extent into width × height, clipped to the frame so
 * borders of countries that run off the map are cut at its edge. Mercator keeps shapes
 * true at this latitude band (9–25° N), which is what a reader recognises.
 */
export function mapProjection(extent: GeoExtent, width: number, height: number): GeoProjection {
  const [[west, south], [east, north]] = extent;
  const frame = {
    type: "Feature" as const,
    properties: {},
    geometry: {
      type: "MultiPoint" as const,
      coordinates: [
        [west, south],
        [east, north],
        [west, north],
        [east, south],
      ],
    },
  };
  return geoMercator()
    .fitSize([width, height], frame)
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

/**
 * The map's frame for an extent drawn `width` pixels wide: its height (the extent's shape
 * under the projection) and the projection that fills it. The renderer and the server's
 * grid aggregation both use it, so a grid cell in SQL is the same cell the SVG draws.
 */
export function mapFrame(
  extent: GeoExtent,
  width: number,
): { projection: GeoProjection; mapHeight: number } {
  const [[west, south], [east, north]] = extent;
  const probe = mapProjection(extent, width, width);
  const [x0, y0] = probe([west, north]) ?? [0, 0];
  const [x1, y1] = probe([east, south]) ?? [width, width];
  const mapHeight = Math.round((width * (y1 - y0)) / (x1 - x0));
  return { projection: mapProjection(extent, width, mapHeight), mapHeight };
}
