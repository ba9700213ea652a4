import { geoPath } from "d3-geo";
import { BOUNDARY_CREDIT, countriesIn, LABELLED_COUNTRIES, type CountryCode } from "./borders";
import { layoutMarks, type MapLayout, type MapRow } from "./layout";
import { eventColours, fatalityRadius } from "./palette";
import type { PrecisionLevel } from "./precision";
import { MALI_EXTENT, mapProjection, type GeoExtent } from "./projection";

/** The words of the map, in the reader's language (the renderer itself knows none). */
export type MapLabels = {
  title: string;
  countries: Record<CountryCode, string>;
  /** "located to the region" …: drawn beside each centroid and in its tooltip. */
  precision: Record<PrecisionLevel, string>;
  fatalities: (n: number) => string;
  incidents: (n: number) => string;
  legendPoint: string;
  legendCentroid: string;
  legendCluster: string;
  boundaries: string;
  data: string;
  formatDate: (date: Date) => string;
};

export type RenderMapOptions = {
  rows: readonly MapRow[];
  labels: MapLabels;
  /** Each row's page is `${detailBase}/${id}`. */
  detailBase: string;
  /** Dataset credit lines (lib/incidents/credits.ts), drawn on the map. */
  credits: readonly string[];
  extent?: GeoExtent;
  width?: number;
  dir?: "ltr" | "rtl";
};

export type RenderedMap = { svg: string; layout: MapLayout };

const LEGEND_HEIGHT = 86;
/** Tooltips of grouped marks list this many rows, then "…". */
const LISTED = 8;

function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const n1 = (v: number) => v.toFixed(1);

/**
 * The incident map as a self-contained SVG string: country borders and names, one mark per
 * exactly located row (coloured by event type, sized by fatalities), dashed rings for rows
 * located only to an area, numbered clusters where points crowd, a legend and the credits.
 * Pure and server-side, so the same string can be frozen into a published version.
 */
export function renderIncidentMap(options: RenderMapOptions): RenderedMap {
  const { rows, labels, detailBase, credits } = options;
  const extent = options.extent ?? MALI_EXTENT;
  const width = options.width ?? 800;
  const rtl = options.dir === "rtl";
  const [[west, south], [east, north]] = extent;
  const probe = mapProjection(extent, width, width);
  const [x0, y0] = probe([west, north]) ?? [0, 0];
  const [x1, y1] = probe([east, south]) ?? [width, width];
  const mapHeight = Math.round((width * (y1 - y0)) / (x1 - x0));
  const height = mapHeight + LEGEND_HEIGHT;
  const projection = mapProjection(extent, width, mapHeight);
  const layout = layoutMarks(rows, projection, extent);
  const colours = eventColours(rows.map((r) => r.eventType).sort());

  const rowLine = (r: MapRow) => {
    const actors = [r.sideA, r.sideB].filter(Boolean).join(" – ");
    const place = [r.placeName, r.admin1].filter(Boolean).join(", ");
    return [labels.formatDate(r.dateStart), actors, labels.fatalities(r.fatalitiesBest), place]
      .filter(Boolean)
      .join(" · ");
  };
  const listing = (list: MapRow[]) => {
    const lines = list.slice(0, LISTED).map(rowLine);
    if (list.length > LISTED) lines.push("…");
    return lines.join("\n");
  };
  const sum = (list: MapRow[]) => list.reduce((t, r) => t + r.fatalitiesBest, 0);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(labels.title)}" class="incident-map-svg" font-family="system-ui, sans-serif">`,
  );
  out.push(`<rect width="${width}" height="${mapHeight}" fill="#eef3f7"/>`);
  out.push(bordersLayer(extent, width, mapHeight));
  out.push(`<g data-layer="country-labels" fill="#5b616b" font-size="13" text-anchor="middle">`);
  for (const [code, { at }] of Object.entries(LABELLED_COUNTRIES) as [
    CountryCode,
    (typeof LABELLED_COUNTRIES)[CountryCode],
  ][]) {
    const p = projection(at as [number, number]);
    if (!p) continue;
    const weight = code === "MLI" ? ' font-weight="600" font-size="16"' : "";
    out.push(
      `<text x="${n1(p[0])}" y="${n1(p[1])}"${weight} data-country-label="${code}">${esc(labels.countries[code])}</text>`,
    );
  }
  out.push(`</g><g data-layer="marks">`);

  for (const m of layout.centroids) {
    const [first] = m.rows;
    if (!first) continue;
    const r = fatalityRadius(sum(m.rows)) + 4;
    const title = `${labels.precision[m.level]}\n${listing(m.rows)}`;
    const body =
      `<title>${esc(title)}</title>` +
      `<circle cx="${n1(m.x)}" cy="${n1(m.y)}" r="${n1(r)}" fill="${colours.get(first.eventType)}" fill-opacity="0.12" stroke="#333" stroke-width="1.2" stroke-dasharray="4 3"/>` +
      `<path d="M${n1(m.x - 3)} ${n1(m.y)}h6M${n1(m.x)} ${n1(m.y - 3)}v6" stroke="#333" stroke-width="1.2"/>` +
      `<text x="${n1(m.x)}" y="${n1(m.y + r + 11)}" font-size="10" text-anchor="middle" fill="#333">${esc(m.rows.length > 1 ? `${labels.precision[m.level]} (${m.rows.length})` : labels.precision[m.level])}</text>`;
    const attrs = `data-mark="centroid" data-precision="${m.level}" data-count="${m.rows.length}" data-lon-lat="${first.longitude},${first.latitude}"`;
    out.push(
      m.rows.length === 1
        ? `<a href="${esc(`${detailBase}/${first.id}`)}" ${attrs}>${body}</a>`
        : `<g ${attrs}>${body}</g>`,
    );
  }
  const points = [...layout.points].sort((a, b) => b.row.fatalitiesBest - a.row.fatalitiesBest);
  for (const m of points) {
    const r = fatalityRadius(m.row.fatalitiesBest);
    out.push(
      `<a href="${esc(`${detailBase}/${m.row.id}`)}" data-mark="point" data-count="1" data-lon-lat="${m.row.longitude},${m.row.latitude}">` +
        `<title>${esc(rowLine(m.row))}</title>` +
        `<circle cx="${n1(m.x)}" cy="${n1(m.y)}" r="${n1(r)}" fill="${colours.get(m.row.eventType)}" fill-opacity="0.85" stroke="#fff" stroke-width="1"/></a>`,
    );
  }
  for (const m of layout.clusters) {
    const r = Math.min(24, 9 + 3 * Math.log2(m.rows.length));
    const title = `${labels.incidents(m.rows.length)} · ${labels.fatalities(sum(m.rows))}\n${listing(m.rows)}`;
    out.push(
      `<g data-mark="cluster" data-count="${m.rows.length}">` +
        `<title>${esc(title)}</title>` +
        `<circle cx="${n1(m.x)}" cy="${n1(m.y)}" r="${n1(r)}" fill="#3b4252" fill-opacity="0.85" stroke="#fff" stroke-width="1.5"/>` +
        `<text x="${n1(m.x)}" y="${n1(m.y + 4)}" font-size="11" font-weight="600" text-anchor="middle" fill="#fff">${m.rows.length}</text></g>`,
    );
  }
  out.push(`</g>`);
  out.push(legend(width, mapHeight, rtl, labels, colours, credits));
  out.push(`</svg>`);
  return { svg: out.join(""), layout };
}

/** Projected borders by extent and size: projecting the 1:50m shapes is most of a small map's cost. */
const borderCache = new Map<string, string>();

function bordersLayer(extent: GeoExtent, width: number, height: number): string {
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

/** Key and credits under the map; anchored on the reading side, so Arabic reads from the right. */
function legend(
  width: number,
  top: number,
  rtl: boolean,
  labels: MapLabels,
  colours: Map<string, string>,
  credits: readonly string[],
): string {
  const pad = 12;
  const x = (offset: number) => (rtl ? width - pad - offset : pad + offset);
  const text = (offset: number, y: number, content: string, size = 11) =>
    `<text x="${n1(x(offset))}" y="${y}" font-size="${size}" fill="#333"${rtl ? ' direction="rtl"' : ""}>${esc(content)}</text>`;
  const out: string[] = [
    `<g data-layer="legend"><rect y="${top}" width="${width}" height="${LEGEND_HEIGHT}" fill="#fff"/>`,
  ];
  let offset = 0;
  const row1 = top + 18;
  for (const [type, colour] of colours) {
    out.push(`<circle cx="${n1(x(offset + 5))}" cy="${row1 - 4}" r="5" fill="${colour}"/>`);
    out.push(text(offset + 14, row1, type));
    offset += 24 + type.length * 6.5;
  }
  const row2 = top + 40;
  out.push(
    `<circle cx="${n1(x(5))}" cy="${row2 - 4}" r="5" fill="#888"/>`,
    text(14, row2, labels.legendPoint),
    `<circle cx="${n1(x(205))}" cy="${row2 - 4}" r="6" fill="none" stroke="#333" stroke-dasharray="3 2"/>`,
    text(216, row2, labels.legendCentroid),
    `<circle cx="${n1(x(525))}" cy="${row2 - 4}" r="6" fill="#3b4252"/>`,
    text(536, row2, labels.legendCluster),
  );
  out.push(
    `<g data-layer="credits">`,
    text(0, top + 60, `${labels.boundaries}: ${BOUNDARY_CREDIT}`, 10),
    text(0, top + 76, `${labels.data}: ${credits.join(" · ") || "—"}`, 10),
    `</g></g>`,
  );
  return out.join("");
}
