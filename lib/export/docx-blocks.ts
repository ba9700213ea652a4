import type { JSONContent } from "@tiptap/core";
import {
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type IParagraphOptions,
} from "docx";
import { blockIsRtl } from "./block-direction";
import { nodeText, type DocxContext } from "./docx-context";
import { incidentChartBlocks, incidentTableBlocks } from "./docx-embeds";
import { inlineChildren } from "./docx-inline";
import { incidentMapBlocks } from "./docx-map";
import type { RunStyle } from "./docx-runs";

type Block = Paragraph | Table;

/** Where a block sits: inside list items (level, bullet or numbered) or a quotation. */
type Frame = {
  list?: { level: number; ordered: boolean; start: number; instance: number; first: boolean };
  quote?: boolean;
};

/** The numbering definition of ordered lists starting at `start` (1 unless the list says). */
export const orderedList = (start: number) => `brief-ordered-${start}`;
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function paragraph(
  node: JSONContent,
  ctx: DocxContext,
  frame: Frame,
  extra: Partial<IParagraphOptions> = {},
  base: RunStyle = {},
): Paragraph {
  const rtl = blockIsRtl(node.attrs?.dir, nodeText(node), ctx.version.direction);
  const list = frame.list;
  return new Paragraph({
    ...extra,
    children: inlineChildren(
      node.content,
      ctx,
      rtl,
      frame.quote ? { ...base, italic: true } : base,
    ),
    // w:bidi: the paragraph is laid out right to left (start = right, list markers on the right).
    ...(rtl ? { bidirectional: true } : {}),
    ...(list?.first && !list.ordered ? { bullet: { level: list.level } } : {}),
    ...(list?.first && list.ordered
      ? {
          numbering: {
            reference: orderedList(list.start),
            level: list.level,
            instance: list.instance,
          },
        }
      : {}),
    ...(list && !list.first ? { indent: { start: 720 * (list.level + 1) } } : {}),
    ...(frame.quote && !list ? { indent: { start: 567, end: 567 } } : {}),
  });
}

function listBlocks(node: JSONContent, ctx: DocxContext, frame: Frame, ordered: boolean): Block[] {
  const level = frame.list ? Math.min(frame.list.level + 1, 8) : 0;
  const instance = ordered ? ctx.nextListInstance++ : 0;
  const raw = Number(node.attrs?.start ?? 1);
  const start = Number.isInteger(raw) && raw >= 0 && raw < 10_000 ? raw : 1;
  if (ordered) ctx.listStarts.add(start);
  const out: Block[] = [];
  for (const item of node.content ?? []) {
    let first = true;
    for (const child of item.content ?? []) {
      // The item's direction (its own dir attribute) applies to its paragraphs without one.
      const inherited =
        child.type === "paragraph" &&
        (!child.attrs?.dir || child.attrs.dir === "auto") &&
        item.attrs?.dir
          ? { ...child, attrs: { ...child.attrs, dir: item.attrs.dir } }
          : child;
      out.push(
        ...blocks([inherited], ctx, { ...frame, list: { level, ordered, start, instance, first } }),
      );
      first = false;
    }
  }
  return out;
}

function tableBlock(node: JSONContent, ctx: DocxContext): Table {
  const rows = (node.content ?? []).map((row) => {
    const cells = (row.content ?? []).map((cell) => {
      const header = cell.type === "tableHeader";
      const children = blocks(cell.content ?? [], ctx, {}, header ? { bold: true } : {}).filter(
        (b): b is Paragraph => b instanceof Paragraph,
      );
      const colspan = Number(cell.attrs?.colspan ?? 1);
      const rowspan = Number(cell.attrs?.rowspan ?? 1);
      return new TableCell({
        // Word refuses a cell without a paragraph.
        children: children.length ? children : [new Paragraph({})],
        ...(colspan > 1 ? { columnSpan: colspan } : {}),
        ...(rowspan > 1 ? { rowSpan: rowspan } : {}),
      });
    });
    const isHeader = (row.content ?? []).every((c) => c.type === "tableHeader");
    return new TableRow({ children: cells, ...(isHeader ? { tableHeader: true } : {}) });
  });
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    visuallyRightToLeft: blockIsRtl(node.attrs?.dir, nodeText(node), ctx.version.direction),
  });
}

/** Word blocks of ProseMirror block nodes, in document order (footnotes are numbered so). */
export function blocks(
  nodes: JSONContent[],
  ctx: DocxContext,
  frame: Frame = {},
  base: RunStyle = {},
): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "paragraph":
        out.push(paragraph(node, ctx, frame, {}, base));
        break;
      case "heading": {
        const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 3);
        out.push(paragraph(node, ctx, frame, { heading: HEADINGS[level - 1] }, base));
        break;
      }
      case "bulletList":
      case "orderedList":
        out.push(...listBlocks(node, ctx, frame, node.type === "orderedList"));
        break;
      case "blockquote":
        out.push(...blocks(node.content ?? [], ctx, { ...frame, quote: true }, base));
        break;
      case "table":
        out.push(tableBlock(node, ctx));
        break;
      case "horizontalRule":
        out.push(new Paragraph({ thematicBreak: true, children: [] }));
        break;
      case "incidentTable":
        out.push(...incidentTableBlocks(ctx.findEmbed("table", node.attrs?.spec), ctx));
        break;
      case "incidentChart":
        out.push(...incidentChartBlocks(ctx.findEmbed("chart", node.attrs?.spec), ctx));
        break;
      case "incidentMap":
        out.push(...incidentMapBlocks(ctx.findEmbed("map", node.attrs?.spec), ctx));
        break;
      default:
        // Unknown containers keep their content; unknown leaves are skipped.
        if (node.content) out.push(...blocks(node.content, ctx, frame, base));
    }
  }
  return out;
}
