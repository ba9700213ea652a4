import { geoPath, type GeoProjection } from "d3-geo";
import { countriesIn, LABELLED_COUNTRIES, type CountryCode } from "./borders";
import { mapProjection, type GeoExtent } from "./projection";

// Pieces every map of the incidents shares (the incident map, the change map): text escaped
// for SVG, rounded coordinates, projected borders and the countries' names.

export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export const n1 = (v: number) => v.toFixed(1);

/**
 * The countries' names, Mali's larger. Opens the labels group and leaves it open, so a
 * caller may add its own place names inside it before closing it.
 */
export function countryLabelsOpen(
  projection: GeoProjection,
  names: Record<CountryCode, string>,
): string {
  const out = [
    `<g data-layer="country-labels" fill="#5b616b" font-size="13" text-anchor="middle">`,
  ];
  for (const [code, { at }] of Object.entries(LABELLED_COUNTRIES) as [
    CountryCode,
    (typeof LABELLED_COUNTRIES)[CountryCode],
  ][]) {
    const p = projection(at as [number, number]);
    if (!p) continue;
    const weight = code === "MLI" ? ' font-weight="600" font-size="16"' : "";
    out.push(
      `<text x="${n1(p[0])}" y="${n1(p[1])}"${weight} data-country-label="${code}">${esc(names[code])}</text>`,
    );
  }
  return out.join("");
}

/** Projected borders by extent and size: projecting the 1:50m shapes is most of a small map's cost. */
const borderCache = new Map<string, string>();

export function bordersLayer(extent: GeoExtent, width: number, height: number): string {
  const key = JSON.stringify([extent, width, height]);
  const cached = borderCache.get(key);
  if (cached) return cached;
  const path = geoPath(mapProjection(extent, width, height));
  const out = [`<g data-layer="borders" fill="#fbfaf6" stroke="#8a8f98" stroke-width="0.8">`];
  for (const country of countriesIn(extent)) {
    const d = path(country);
    if (!d) continue;
    const mali = country.id === LABELLED_COUNTRIES.MLI.id;
    out.push(
      `<path d="${d}" data-country="${esc(country.id)}"${mali ? ' fill="#f4efe2" stroke="#4b5058" stroke-width="1.4"' : ""}/>`,
    );
  }
  out.push(`</g>`);
  const layer = out.join("");
  // Only a handful of extents and widths are ever asked for; the cache cannot grow regardless.
  if (borderCache.size > 16) borderCache.clear();
  borderCache.set(key, layer);
  return layer;
}
