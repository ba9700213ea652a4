import { geoBounds } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries50m from "world-atlas/countries-50m.json";
import type { GeoExtent } from "./projection";

/** Countries the map names, by ISO 3166-1 alpha-3, with where the label sits (lon, lat). */
export const LABELLED_COUNTRIES = {
  MLI: { id: "466", at: [-3.5, 17.6] },
  MRT: { id: "478", at: [-10.5, 20.2] },
  SEN: { id: "686", at: [-14.6, 14.6] },
  GIN: { id: "324", at: [-10.9, 10.5] },
  BFA: { id: "854", at: [-1.6, 12.3] },
  NER: { id: "562", at: [3.2, 16.5] },
  DZA: { id: "012", at: [1.0, 24.2] },
  CIV: { id: "384", at: [-5.5, 9.6] },
} as const satisfies Record<string, { id: string; at: [number, number] }>;
export type CountryCode = keyof typeof LABELLED_COUNTRIES;

export type Country = Feature<Geometry, { name: string }> & { id: string };

/** Natural Earth (public domain) through world-atlas; the credit the map carries. */
export const BOUNDARY_CREDIT = "Natural Earth (public domain), via world-atlas";

let all: Country[] | null = null;

/** Every country of Natural Earth's 1:50m borders, read once from the bundled package. */
function allCountries(): Country[] {
  if (!all) {
    // The JSON module is typed as a plain object; it is a TopoJSON topology.
    const topology = countries50m as unknown as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    const collection = feature(topology, topology.objects.countries) as FeatureCollection<
      Geometry,
      { name: string }
    >;
    all = collection.features.map((f) => ({ ...f, id: String(f.id) }));
  }
  return all;
}

/** The countries whose bounding box meets the extent (the ones the map draws). */
export function countriesIn(extent: GeoExtent): Country[] {
  const [[west, south], [east, north]] = extent;
  return allCountries().filter((c) => {
    const [[w, s], [e, n]] = geoBounds(c);
    return w <= east && e >= west && s <= north && n >= south;
  });
}
