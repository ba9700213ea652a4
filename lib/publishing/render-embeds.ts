/**
 * Incident embeds as published HTML, from their frozen results only (never the database):
 * a table as <table>, a figure as an inline number, a chart and a map as inline SVG. Every
 * value is escaped here; the whole body is sanitized afterwards as well.
 */
import type { IncidentEmbedKind } from "@/lib/editor/incident-embeds";
import type { TableColumn } from "@/lib/incidents/query-schema";
import { CHART, chartGeometry } from "@/lib/incidents/chart-geometry";
import { renderMapEmbed } from "@/lib/incidents/embed-map-svg";
import type { SeriesPoint } from "@/lib/incidents/queries";
import { DATASET_NAMES, type DatasetEnum } from "./embed-nodes";
import type { FrozenEmbed } from "./frozen";
import {
  escapeHtml as esc,
  fill,
  formatDate,
  formatNumber,
  type RenderLabels,
} from "./render-labels";

export type EmbedRenderContext = { labels: RenderLabels; language: string };

type TableResult = Extract<FrozenEmbed["result"], { kind: "table" }>;
type TableRow = TableResult["rows"][number];

function caption(embed: FrozenEmbed, ctx: EmbedRenderContext): string {
  const datasets = embed.datasets
    .map((d) => (d.version ? `${d.dataset} ${d.version}` : d.dataset))
    .join(", ");
  const parts = [
    fill(ctx.labels.dataAsOf, { date: esc(formatDate(embed.result.asOf, ctx.language)) }),
  ];
  if (datasets) parts.push(fill(ctx.labels.datasets, { datasets: esc(datasets) }));
  return `<figcaption class="embed-caption">${parts.join(" · ")}</figcaption>`;
}

function cell(row: TableRow, column: TableColumn, language: string): string {
  switch (column) {
    case "date":
      return `<td><bdi>${esc(row.dateStart)}</bdi></td>`;
    case "dataset":
      return `<td>${esc(DATASET_NAMES[row.dataset as DatasetEnum] ?? String(row.dataset))}</td>`;
    case "eventType":
      return `<td><bdi>${esc(row.eventType)}</bdi></td>`;
    case "actors":
      return `<td><bdi>${esc([row.sideA, row.sideB].filter(Boolean).join(" – "))}</bdi></td>`;
    case "admin1":
      return `<td><bdi>${esc(row.admin1 ?? "")}</bdi></td>`;
    case "admin2":
      return `<td><bdi>${esc(row.admin2 ?? "")}</bdi></td>`;
    case "place":
      return `<td><bdi>${esc(row.placeName ?? "")}</bdi></td>`;
    case "fatalities":
      return `<td class="num">${esc(formatNumber(row.fatalitiesBest, language))}</td>`;
  }
}

function renderTable(embed: FrozenEmbed, result: TableResult, ctx: EmbedRenderContext): string {
  const columns: TableColumn[] = embed.spec.kind === "table" ? embed.spec.columns : ["date"];
  const head = columns.map((c) => `<th scope="col">${esc(ctx.labels.columns[c])}</th>`).join("");
  const body = result.rows
    .map((row) => `<tr>${columns.map((c) => cell(row, c, ctx.language)).join("")}</tr>`)
    .join("");
  const totals = fill(ctx.labels.totals, {
    count: esc(formatNumber(result.count, ctx.language)),
    fatalities: esc(formatNumber(result.fatalities, ctx.language)),
  });
  const table =
    result.rows.length === 0
      ? `<p>${esc(ctx.labels.noRows)}</p>`
      : `<table><caption>${totals}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  return `<figure class="embed embed-table">${table}${caption(embed, ctx)}</figure>`;
}

function renderFigure(embed: FrozenEmbed, ctx: EmbedRenderContext): string {
  const result = embed.result;
  if (result.kind !== "figure") return missing(ctx, true);
  const text =
    result.ratio !== null && "baseline" in result
      ? `×${formatNumber(result.ratio, ctx.language)}`
      : formatNumber(result.value, ctx.language);
  const metric =
    embed.spec.kind === "figure" && embed.spec.metric === "fatalities"
      ? ctx.labels.figureFatalities
      : ctx.labels.figureCount;
  const title = `${metric} · ${fill(ctx.labels.dataAsOf, { date: formatDate(result.asOf, ctx.language) })}`;
  return `<span class="embed-figure" title="${esc(title)}">${esc(text)}</span>`;
}

/** components/incidents/IncidentChart.tsx's drawing (same geometry) as a string. */
export function chartSvg(series: SeriesPoint[], title: string, ctx: EmbedRenderContext): string {
  if (series.length === 0) return `<p>${esc(ctx.labels.noRows)}</p>`;
  const { maxCount, maxDeaths, baseline, bars, line } = chartGeometry(series);
  const { width: W, height: H, top, bottom, side } = CHART;
  const drawn = bars
    .map((b) => {
      const label = `${b.period}: ${b.count} ${ctx.labels.incidents}, ${b.fatalities} ${ctx.labels.fatalities}`;
      const bar = `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" class="bar"><title>${esc(label)}</title></rect>`;
      const tick = b.labelled
        ? `<text x="${b.centre}" y="${H - bottom + 16}" class="tick" text-anchor="middle">${esc(b.period)}</text>`
        : "";
      return `<g>${bar}${tick}</g>`;
    })
    .join("");
  // Time runs left to right in every language: the SVG is direction-neutral (dir="ltr").
  return (
    `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}" dir="ltr"><title>${esc(title)}</title>` +
    `<line x1="${side}" x2="${W - side}" y1="${baseline}" y2="${baseline}" class="axis"></line>` +
    `<text x="${side - 4}" y="${top + 8}" class="tick" text-anchor="end">${maxCount}</text>` +
    `<text x="${W - side + 4}" y="${top + 8}" class="tick deaths">${maxDeaths}</text>` +
    `${drawn}<polyline points="${line}" class="deaths-line" fill="none"></polyline></svg>` +
    `<div class="chart-legend"><span class="legend-bar">${esc(ctx.labels.incidents)}</span> <span class="legend-line">${esc(ctx.labels.fatalities)}</span></div>`
  );
}

function renderChart(embed: FrozenEmbed, ctx: EmbedRenderContext): string {
  const result = embed.result;
  if (result.kind !== "chart") return missing(ctx, false);
  const period = embed.spec.kind === "chart" ? embed.spec.period : "year";
  const title = period === "month" ? ctx.labels.perMonth : ctx.labels.perYear;
  return `<figure class="embed embed-chart">${chartSvg(result.series, title, ctx)}${caption(embed, ctx)}</figure>`;
}

/**
 * `<path …/>` as `<path …></path>`: the sanitizer reads HTML, where only void elements close
 * themselves, and would nest every following shape inside the first. Safe on the map's SVG,
 * whose attribute values and texts are escaped (no "<" or ">" but its tags').
 */
function closedTags(svg: string): string {
  return svg.replace(/<([a-z]+)([^<>]*?)\/>/g, "<$1$2></$1>");
}

/** The map drawn from its frozen rows, in the brief's language, with what it leaves out. */
function renderMap(embed: FrozenEmbed, ctx: EmbedRenderContext): string {
  const result = embed.result;
  if (result.kind !== "map") return missing(ctx, false);
  const map = renderMapEmbed(result, ctx.language);
  const title = fill(ctx.labels.mapTitle, { extent: esc(ctx.labels.mapExtents[result.extent]) });
  const notes = [
    fill(ctx.labels.mapNotMapped, { count: esc(formatNumber(map.notMapped, ctx.language)) }),
  ];
  if (result.truncated) {
    notes.push(
      fill(ctx.labels.mapTruncated, {
        count: esc(formatNumber(result.rows.length, ctx.language)),
      }),
    );
  }
  return (
    `<figure class="embed embed-map" data-not-mapped="${map.notMapped}">` +
    `<p class="embed-map-title">${title}</p>${closedTags(map.svg)}` +
    `<p class="embed-map-note">${notes.join(" ")}</p>${caption(embed, ctx)}</figure>`
  );
}

function missing(ctx: EmbedRenderContext, inline: boolean): string {
  const tag = inline ? "span" : "p";
  return `<${tag} class="embed-missing">${esc(ctx.labels.embedUnavailable)}</${tag}>`;
}

/** One embed node: its frozen result (looked up by spec key) or a "not available" note. */
export function renderEmbed(
  embed: FrozenEmbed | undefined,
  kind: IncidentEmbedKind,
  ctx: EmbedRenderContext,
): string {
  if (!embed || embed.kind !== kind) return missing(ctx, kind === "figure");
  if (kind === "figure") return renderFigure(embed, ctx);
  if (kind === "map") return renderMap(embed, ctx);
  if (kind === "chart") return renderChart(embed, ctx);
  return embed.result.kind === "table"
    ? renderTable(embed, embed.result, ctx)
    : missing(ctx, false);
}
