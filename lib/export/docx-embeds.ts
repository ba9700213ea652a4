import { Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import { ChartRun } from "docx/charts";
import type { TableColumn } from "@/lib/incidents/query-schema";
import type { FrozenEmbed } from "@/lib/publishing/frozen";
import { fill, formatDate, formatNumber } from "@/lib/publishing/render-labels";
import type { DocxContext } from "./docx-context";
import { textRuns } from "./docx-runs";
import { incidentCell } from "./embed-text";

type Block = Paragraph | Table;

function rtlDoc(ctx: DocxContext) {
  return ctx.version.direction === "RTL";
}

export function small(text: string, ctx: DocxContext, italic = true): Paragraph {
  const rtl = rtlDoc(ctx);
  return new Paragraph({
    children: textRuns(text, { italic, color: "555555", size: 18 }, rtl),
    ...(rtl ? { bidirectional: true } : {}),
  });
}

function cell(text: string, ctx: DocxContext, header = false): TableCell {
  const rtl = rtlDoc(ctx);
  return new TableCell({
    children: [
      new Paragraph({
        children: textRuns(text, header ? { bold: true, size: 18 } : { size: 18 }, rtl),
        ...(rtl ? { bidirectional: true } : {}),
      }),
    ],
  });
}

/** A grid of text as a Word table (header row repeated on each page; mirrored in RTL). */
export function textTable(header: string[], rows: string[][], ctx: DocxContext): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    visuallyRightToLeft: rtlDoc(ctx),
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, ctx, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, ctx)) })),
    ],
  });
}

/** "Data as of … · Source: …", as under the embed on the reader page. */
export function dataCaption(embed: FrozenEmbed, ctx: DocxContext): Paragraph {
  const { labels, version } = ctx;
  const datasets = embed.datasets
    .map((d) => (d.version ? `${d.dataset} ${d.version}` : d.dataset))
    .join(", ");
  const parts = [fill(labels.dataAsOf, { date: formatDate(embed.result.asOf, version.language) })];
  if (datasets) parts.push(fill(labels.datasets, { datasets }));
  return small(parts.join(" · "), ctx);
}

/** An incident table embed: the frozen rows in the spec's columns, totals and data date. */
export function incidentTableBlocks(embed: FrozenEmbed | null, ctx: DocxContext): Block[] {
  const { labels, version } = ctx;
  if (!embed || embed.result.kind !== "table") return [small(labels.embedUnavailable, ctx)];
  const result = embed.result;
  const columns: TableColumn[] = embed.spec.kind === "table" ? embed.spec.columns : ["date"];
  const totals = fill(labels.totals, {
    count: formatNumber(result.count, version.language),
    fatalities: formatNumber(result.fatalities, version.language),
  });
  if (result.rows.length === 0) return [small(labels.noRows, ctx, false), dataCaption(embed, ctx)];
  const rows = result.rows.map((row) => columns.map((c) => incidentCell(row, c, version.language)));
  return [
    small(totals, ctx, false),
    textTable(
      columns.map((c) => labels.columns[c]),
      rows,
      ctx,
    ),
    dataCaption(embed, ctx),
  ];
}

/**
 * A chart embed as a native Word chart (Word draws it from embedded data, so "Edit Data"
 * works and it prints sharply), followed by its numbers as a table, so the values are in the
 * text flow for screen readers and for tools that ignore charts.
 */
export function incidentChartBlocks(embed: FrozenEmbed | null, ctx: DocxContext): Block[] {
  const { labels, version } = ctx;
  if (!embed || embed.result.kind !== "chart") return [small(labels.embedUnavailable, ctx)];
  const spec = embed.spec.kind === "chart" ? embed.spec : null;
  const title = spec?.period === "month" ? labels.perMonth : labels.perYear;
  const series = embed.result.series;
  const blocks: Block[] = [];
  if (series.length > 0) {
    const chart = new ChartRun({
      type: "column",
      title,
      categories: series.map((p) => p.period),
      series: [
        { name: labels.incidents, values: series.map((p) => p.count) },
        { name: labels.fatalities, values: series.map((p) => p.fatalities), type: "line" },
      ],
      transformation: { width: 600, height: 260 },
    });
    // ChartRun is a run like any other; docx's ParagraphChild union just does not list it.
    blocks.push(new Paragraph({ children: [chart as unknown as import("docx").TextRun] }));
  }
  blocks.push(
    textTable(
      [title, labels.incidents, labels.fatalities],
      series.map((p) => [
        p.period,
        formatNumber(p.count, version.language),
        formatNumber(p.fatalities, version.language),
      ]),
      ctx,
    ),
    dataCaption(embed, ctx),
  );
  return blocks;
}
