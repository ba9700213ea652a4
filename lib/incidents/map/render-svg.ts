import { BOUNDARY_CREDIT, type CountryCode } from "./borders";
import {
  layoutMarks,
  type CentroidMark,
  type ClusterMark,
  type MapLayout,
  type MapRow,
  type MarkSummary,
} from "./layout";
import { eventColours, fatalityRadius } from "./palette";
import type { PrecisionLevel } from "./precision";
import { MALI_EXTENT, mapFrame, type GeoExtent } from "./projection";
import { bordersLayer, countryLabelsOpen, esc, n1 } from "./svg-parts";

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
  /** Tooltip line of a cluster that links to a closer view. */
  zoomIn?: string;
};

/** A place name drawn on the map (regions in a region view), at its gazetteer centre. */
export type PlaceLabel = { name: string; lon: number; lat: number };

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
  /**
   * Marks already laid out, e.g. aggregated by the database (map-grid.ts): drawn as given,
   * and `rows` is not read. Without it the renderer lays out `rows` itself.
   */
  layout?: MapLayout;
  /** A link for a grouped mark (e.g. a closer view around it), or null for none. */
  zoomHref?: (mark: ClusterMark | CentroidMark) => string | null;
  placeLabels?: readonly PlaceLabel[];
};

export type RenderedMap = { svg: string; layout: MapLayout };

const LEGEND_HEIGHT = 86;
/** Tooltips of grouped marks list this many rows, then "…". */
const LISTED = 8;

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
  const { projection, mapHeight } = mapFrame(extent, width);
  const height = mapHeight + LEGEND_HEIGHT;
  const layout = options.layout ?? layoutMarks(rows, projection, extent);
  const colours = eventColours(
    (options.layout ? layoutEventTypes(options.layout) : rows.map((r) => r.eventType)).sort(),
  );

  const rowLine = (r: MapRow) => {
    const actors = [r.sideA, r.sideB].filter(Boolean).join(" – ");
    const place = [r.placeName, r.admin1].filter(Boolean).join(", ");
    return [labels.formatDate(r.dateStart), actors, labels.fatalities(r.fatalitiesBest), place]
      .filter(Boolean)
      .join(" · ");
  };
  const listing = (list: MapRow[], summary?: MarkSummary) => {
    const lines = list.slice(0, LISTED).map(rowLine);
    if (list.length > LISTED || (summary && summary.count > Math.min(list.length, LISTED)))
      lines.push("…");
    return lines.join("\n");
  };
  const sum = (list: MapRow[]) => list.reduce((t, r) => t + r.fatalitiesBest, 0);
  const countOf = (m: { rows: MapRow[]; summary?: MarkSummary }) =>
    m.summary?.count ?? m.rows.length;
  const fatalitiesOf = (m: { rows: MapRow[]; summary?: MarkSummary }) =>
    m.summary?.fatalities ?? sum(m.rows);
  // What the server counted under an aggregated mark: its dates and event types.
  const summaryLines = (summary?: MarkSummary) => {
    if (!summary) return "";
    const first = labels.formatDate(summary.first);
    const last = labels.formatDate(summary.last);
    const types = Object.entries(summary.eventTypes)
      .sort((a, b) => b[1] - a[1])
      .map(([type, n]) => `${type} ${n}`)
      .join(" · ");
    return `${first === last ? first : `${first} – ${last}`}\n${types}\n`;
  };

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(labels.title)}" class="incident-map-svg" font-family="system-ui, sans-serif">`,
  );
  out.push(`<rect width="${width}" height="${mapHeight}" fill="#eef3f7"/>`);
  out.push(bordersLayer(extent, width, mapHeight));
  out.push(countryLabelsOpen(projection, labels.countries));
  if (options.placeLabels?.length) {
    out.push(`<g data-layer="place-labels" fill="#7a6f5a" font-size="12" font-style="italic">`);
    for (const place of options.placeLabels) {
      const p = projection([place.lon, place.lat]);
      if (!p) continue;
      out.push(
        `<text x="${n1(p[0])}" y="${n1(p[1] - 14)}" data-place-label="${esc(place.name)}">${esc(place.name)}</text>`,
      );
    }
    out.push(`</g>`);
  }
  out.push(`</g><g data-layer="marks">`);

  for (const m of layout.centroids) {
    const [first] = m.rows;
    if (!first) continue;
    const r = fatalityRadius(fatalitiesOf(m)) + 4;
    const count = countOf(m);
    const title = `${labels.precision[m.level]}${m.summary && count > 1 ? ` · ${labels.incidents(count)} · ${labels.fatalities(fatalitiesOf(m))}` : ""}\n${summaryLines(m.summary)}${listing(m.rows, m.summary)}`;
    const body =
      `<title>${esc(title)}</title>` +
      `<circle cx="${n1(m.x)}" cy="${n1(m.y)}" r="${n1(r)}" fill="${colours.get(first.eventType)}" fill-opacity="0.12" stroke="#333" stroke-width="1.2" stroke-dasharray="4 3"/>` +
      `<path d="M${n1(m.x - 3)} ${n1(m.y)}h6M${n1(m.x)} ${n1(m.y - 3)}v6" stroke="#333" stroke-width="1.2"/>` +
      `<text x="${n1(m.x)}" y="${n1(m.y + r + 11)}" font-size="10" text-anchor="middle" fill="#333">${esc(count > 1 ? `${labels.precision[m.level]} (${count})` : labels.precision[m.level])}</text>`;
    const attrs = `data-mark="centroid" data-precision="${m.level}" data-count="${count}" data-lon-lat="${first.longitude},${first.latitude}"`;
    const zoom = count > 1 ? options.zoomHref?.(m) : null;
    out.push(
      count === 1
        ? `<a href="${esc(`${detailBase}/${first.id}`)}" ${attrs}>${body}</a>`
        : zoom
          ? `<a href="${esc(zoom)}" ${attrs}>${body}</a>`
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
    const count = countOf(m);
    const r = Math.min(24, 9 + 3 * Math.log2(count));
    const zoom = options.zoomHref?.(m);
    const title = `${labels.incidents(count)} · ${labels.fatalities(fatalitiesOf(m))}\n${summaryLines(m.summary)}${listing(m.rows, m.summary)}${zoom && labels.zoomIn ? `\n${labels.zoomIn}` : ""}`;
    const body =
      `<title>${esc(title)}</title>` +
      `<circle cx="${n1(m.x)}" cy="${n1(m.y)}" r="${n1(r)}" fill="#3b4252" fill-opacity="0.85" stroke="#fff" stroke-width="1.5"/>` +
      `<text x="${n1(m.x)}" y="${n1(m.y + 4)}" font-size="11" font-weight="600" text-anchor="middle" fill="#fff">${count}</text>`;
    out.push(
      zoom
        ? `<a href="${esc(zoom)}" data-mark="cluster" data-count="${count}">${body}</a>`
        : `<g data-mark="cluster" data-count="${count}">${body}</g>`,
    );
  }
  out.push(`</g>`);
  out.push(legend(width, mapHeight, rtl, labels, colours, credits));
  out.push(`</svg>`);
  return { svg: out.join(""), layout };
}

/** Every event type under a laid-out map's marks, for its colours and legend. */
function layoutEventTypes(layout: MapLayout): string[] {
  const types = new Set<string>();
  for (const p of layout.points) types.add(p.row.eventType);
  for (const m of [...layout.centroids, ...layout.clusters]) {
    for (const r of m.rows) types.add(r.eventType);
    for (const type of Object.keys(m.summary?.eventTypes ?? {})) types.add(type);
  }
  return [...types];
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
