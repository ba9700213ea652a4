// Types only: the embed dialog reads these names in the browser, without the map's code.
import type { GeoExtent } from "./map/projection";

/**
 * The views a map embedded in a brief can take: the whole country (with its neighbours), or
 * one of the gazetteer's regions (lib/incidents/gazetteer-data.ts, level 1). A brief stores
 * the view's name, never coordinates, so a hostile peer cannot ask for a world-sized frame.
 */
export const MAP_EXTENT_IDS = [
  "mali",
  "Kayes",
  "Koulikoro",
  "Segou",
  "Mopti",
  "Timbuktu",
  "Gao",
  "Kidal",
] as const;
export type MapExtentId = (typeof MAP_EXTENT_IDS)[number];

/**
 * Each region's frame: its bounding box with a little margin, [[west, south], [east, north]],
 * so its borders and the towns on its edge stay inside the map.
 */
export const REGION_EXTENTS: Record<Exclude<MapExtentId, "mali">, GeoExtent> = {
  Kayes: [
    [-12.6, 12.0],
    [-7.2, 15.9],
  ],
  Koulikoro: [
    [-9.6, 11.1],
    [-5.6, 15.7],
  ],
  Segou: [
    [-7.4, 12.3],
    [-3.9, 15.7],
  ],
  Mopti: [
    [-5.6, 13.2],
    [-0.9, 16.4],
  ],
  Timbuktu: [
    [-6.8, 14.9],
    [1.4, 25.1],
  ],
  Gao: [
    [-2.2, 14.6],
    [4.4, 19.8],
  ],
  Kidal: [
    [-0.6, 17.4],
    [4.4, 21.0],
  ],
};
