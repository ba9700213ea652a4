import { BOUNDARY_CREDIT, type CountryCode } from "./borders";
import { MALI_EXTENT, mapFrame, type GeoExtent } from "./projection";
import { changeOf, type AreaChange, type Change } from "./change";
import { bordersLayer, countryLabelsOpen, esc, n1 } from "./svg-parts";

export type ChangeMeasure = "count" | "fatalities";

/** The change map's words, in the reader's language. */
export type ChangeLabels = {
  title: string;
  countries: Record<CountryCode, string>;
  /** "×7", "new", "gone": the change written beside each area. */
  change: (change: Change) => string;
  /** "3 → 21": the two periods' values. */
  values: (a: number, b: number) => string;
  /** What the symbols are: placed at centres, not region shapes. */
  method: string;
  legendLater: string;
  legendEarlier: string;
  legendUp: string;
  legendDown: string;
  /** Beside an area placed at its incidents' mean position (no gazetteer centre). */
  approximate: string;
  boundaries: string;
  data: string;
};

export type RenderChangeOptions = {
  areas: readonly AreaChange[];
  measure: ChangeMeasure;
  labels: ChangeLabels;
  credits: readonly string[];
  extent?: GeoExtent;
  width?: number;
  dir?: "ltr" | "rtl";
  /** Each area's link (e.g. the list filtered to it), or none. */
  href?: (area: AreaChange) => string | null;
};

const LEGEND_HEIGHT = 92;
const MAX_RADIUS = 38;

/** Diverging reds (more) and blues (fewer), by how far the ratio is from 1. */
export function changeColour(change: Change): string {
  switch (change.kind) {
    case "new":
      return "#67001f";
    case "gone":
      return "#053061";
    case "none":
    case "same":
      return "#9e9e9e";
    case "up":
      return change.ratio >= 4 ? "#b2182b" : change.ratio >= 2 ? "#d6604d" : "#f4a582";
    case "down":
      return change.ratio <= 0.25 ? "#2166ac" : change.ratio <= 0.5 ? "#4393c3" : "#92c5de";
  }
}

/**
 * The change between two periods per region (or cercle) as graduated symbols: a filled disc
 * for the later period, a dashed ring for the earlier one on the same scale (areas ∝ values),
 * coloured by the change, with the ratio written beside it ("Kayes ×7, 3 → 21"). Free
 * boundary data with Mali's current regions does not exist, so no region is drawn as a shape:
 * symbols sit at each region's gazetteer centre, and the map says so.
 */
export function renderChangeMap(options: RenderChangeOptions): string {
  const { areas, measure, labels, credits } = options;
  const extent = options.extent ?? MALI_EXTENT;
  const width = options.width ?? 800;
  const rtl = options.dir === "rtl";
  const { projection, mapHeight } = mapFrame(extent, width);
  const height = mapHeight + LEGEND_HEIGHT;
  const value = (t: { count: number; fatalities: number }) =>
    measure === "count" ? t.count : t.fatalities;
  const max = Math.max(1, ...areas.flatMap((area) => [value(area.a), value(area.b)]));
  const radius = (v: number) => (v > 0 ? Math.max(3, MAX_RADIUS * Math.sqrt(v / max)) : 0);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(labels.title)}" class="incident-map-svg" font-family="system-ui, sans-serif">`,
    `<rect width="${width}" height="${mapHeight}" fill="#eef3f7"/>`,
    bordersLayer(extent, width, mapHeight),
    countryLabelsOpen(projection, labels.countries),
    `</g><g data-layer="areas">`,
  ];
  // Largest first, so a small area's symbol is never hidden under a neighbour's.
  const drawn = [...areas].sort((x, y) => value(y.b) - value(x.b));
  for (const area of drawn) {
    if (!area.at) continue;
    const p = projection([area.at.lon, area.at.lat]);
    if (!p) continue;
    const [x, y] = p;
    const a = value(area.a);
    const b = value(area.b);
    const change = changeOf(a, b);
    if (change.kind === "none") continue;
    const ra = radius(a);
    const rb = radius(b);
    const colour = changeColour(change);
    const approximate = area.at.from === "incidents" ? ` (${labels.approximate})` : "";
    const ratioText = labels.change(change);
    const title = `${area.name}${approximate}: ${ratioText} · ${labels.values(a, b)}`;
    const labelY = y + Math.max(ra, rb) + 13;
    const body =
      `<title>${esc(title)}</title>` +
      (rb
        ? `<circle cx="${n1(x)}" cy="${n1(y)}" r="${n1(rb)}" fill="${colour}" fill-opacity="0.7" stroke="#fff" stroke-width="1"/>`
        : "") +
      (ra
        ? `<circle cx="${n1(x)}" cy="${n1(y)}" r="${n1(ra)}" fill="none" stroke="#222" stroke-width="1.3" stroke-dasharray="4 3"/>`
        : "") +
      `<path d="M${n1(x - 3)} ${n1(y)}h6M${n1(x)} ${n1(y - 3)}v6" stroke="#222" stroke-width="1"/>` +
      `<text x="${n1(x)}" y="${n1(labelY)}" font-size="12" font-weight="700" text-anchor="middle" fill="#222" data-ratio>${esc(`${area.name} ${ratioText}`)}</text>` +
      `<text x="${n1(x)}" y="${n1(labelY + 12)}" font-size="10" text-anchor="middle" fill="#333">${esc(labels.values(a, b) + approximate)}</text>`;
    const attrs = `data-area="${esc(area.key)}" data-change="${change.kind}" data-a="${a}" data-b="${b}" data-placed="${area.at.from}"`;
    const href = options.href?.(area);
    out.push(href ? `<a href="${esc(href)}" ${attrs}>${body}</a>` : `<g ${attrs}>${body}</g>`);
  }
  out.push(`</g>`);
  out.push(legend(width, mapHeight, rtl, labels, credits));
  out.push(`</svg>`);
  return out.join("");
}

function legend(
  width: number,
  top: number,
  rtl: boolean,
  labels: ChangeLabels,
  credits: readonly string[],
): string {
  const pad = 12;
  const x = (offset: number) => (rtl ? width - pad - offset : pad + offset);
  const text = (offset: number, y: number, content: string, size = 11) =>
    `<text x="${n1(x(offset))}" y="${y}" font-size="${size}" fill="#333"${rtl ? ' direction="rtl"' : ""}>${esc(content)}</text>`;
  const row1 = top + 18;
  const row2 = top + 38;
  return [
    `<g data-layer="legend"><rect y="${top}" width="${width}" height="${LEGEND_HEIGHT}" fill="#fff"/>`,
    `<circle cx="${n1(x(6))}" cy="${row1 - 4}" r="6" fill="#d6604d" fill-opacity="0.7"/>`,
    text(16, row1, labels.legendLater),
    `<circle cx="${n1(x(256))}" cy="${row1 - 4}" r="6" fill="none" stroke="#222" stroke-dasharray="3 2"/>`,
    text(266, row1, labels.legendEarlier),
    `<circle cx="${n1(x(506))}" cy="${row1 - 4}" r="6" fill="#b2182b"/>`,
    text(516, row1, labels.legendUp),
    `<circle cx="${n1(x(626))}" cy="${row1 - 4}" r="6" fill="#2166ac"/>`,
    text(636, row1, labels.legendDown),
    `<g data-layer="method">${text(0, row2, labels.method, 10)}</g>`,
    `<g data-layer="credits">`,
    text(0, top + 60, `${labels.boundaries}: ${BOUNDARY_CREDIT}`, 10),
    text(0, top + 76, `${labels.data}: ${credits.join(" · ") || "—"}`, 10),
    `</g></g>`,
  ].join("");
}
