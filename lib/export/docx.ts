import type { JSONContent } from "@tiptap/core";
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  TextRun,
  type ParagraphChild,
} from "docx";
import { blockIsRtl } from "./block-direction";
import { documentDate } from "./document-labels";
import { blocks, orderedList } from "./docx-blocks";
import { docxContext, type DocxContext } from "./docx-context";
import { docxMapImages } from "./docx-map";
import { DOCX_FONT, docxLanguage, styledRuns, textRuns } from "./docx-runs";
import type { ExportVersion } from "./export-version";
import { TLP_COLOURS, tlpLabel, type TlpMarking } from "@/lib/tradecraft/tlp";
import { htmlToStyledText, htmlToText } from "./note-html";

/** A4 in twips, 2 cm margins: the same page as the PDF. */
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
};

function line(text: string, ctx: DocxContext, children?: ParagraphChild[]): Paragraph {
  const rtl = ctx.version.direction === "RTL";
  return new Paragraph({
    children: children ?? textRuns(text, { color: "555555" }, rtl),
    ...(rtl ? { bidirectional: true } : {}),
  });
}

function titleBlock(ctx: DocxContext, draft?: DraftDocx): Paragraph[] {
  const { version, title: labels } = ctx;
  const rtl = version.direction === "RTL";
  const date = (d: Date) => documentDate(d, version.language);
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: textRuns(version.title, {}, rtl),
      ...(rtl ? { bidirectional: true } : {}),
    }),
    // A draft was neither approved nor published: it says what it is instead.
    ...(draft
      ? [line(draft.label, ctx)]
      : [
          line(
            `${labels.version(version.number)} · ${labels.published(date(version.publishedAt))}`,
            ctx,
          ),
          line(labels.approvedBy(version.approverName, date(version.approvedAt)), ctx),
        ]),
  ];
}

/**
 * A draft exported for review in Word (lib/export/draft-docx.ts): its title block says so,
 * its pending suggestions are tracked changes, and Word keeps tracking the reader's edits.
 */
export type DraftDocx = { label: string };

function bibliography(ctx: DocxContext): Paragraph[] {
  const entries = ctx.version.citations?.bibliography ?? [];
  if (entries.length === 0) return [];
  const docRtl = ctx.version.direction === "RTL";
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: textRuns(ctx.labels.bibliography, {}, docRtl),
      ...(docRtl ? { bidirectional: true } : {}),
    }),
    ...entries.map((entry) => {
      const rtl = blockIsRtl("auto", htmlToText(entry.html), ctx.version.direction);
      return new Paragraph({
        children: styledRuns(htmlToStyledText(entry.html), rtl),
        // Hanging indent, as bibliographies are set.
        indent: { start: 567, hanging: 567 },
        spacing: { after: 120 },
        ...(rtl ? { bidirectional: true } : {}),
      });
    }),
  ];
}

function orderedNumbering(start: number) {
  return {
    reference: orderedList(start),
    levels: Array.from({ length: 9 }, (_, level) => ({
      level,
      format: LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      // Only the outer level starts where the list says; nested lists count from 1.
      start: level === 0 ? start : 1,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { start: 720 * (level + 1), hanging: 360 } } },
    })),
  };
}

/**
 * The DOCX of a published version, from its frozen JSON, embeds and citations only: real
 * Word footnotes for citations, tables for incident tables, native charts for charts,
 * pictures for maps, right-to-left paragraphs marked w:bidi, and the bibliography at the end.
 */
export async function renderDocx(version: ExportVersion, draft?: DraftDocx): Promise<Uint8Array> {
  const ctx = { ...docxContext(version), maps: await docxMapImages(version) };
  const content = (version.contentJson as JSONContent | null)?.content ?? [];
  const body = blocks(content, ctx);
  const rtl = version.direction === "RTL";
  const approved = `${ctx.title.approvedBy(version.approverName, documentDate(version.approvedAt, version.language))}`;
  const document = new Document({
    title: version.title,
    creator: "Briefroom",
    ...(draft
      ? {
          description: draft.label,
          features: { trackRevisions: true },
          customProperties: [{ name: "Language", value: version.language }],
        }
      : {
          subject: ctx.title.version(version.number),
          description: approved,
          lastModifiedBy: version.approverName,
          keywords: `${version.slug} v${version.number}`,
          customProperties: [
            { name: "Version", value: String(version.number) },
            { name: "Approved by", value: version.approverName },
            { name: "Approved at", value: version.approvedAt.toISOString() },
            { name: "Published at", value: version.publishedAt.toISOString() },
            { name: "Language", value: version.language },
          ],
        }),
    styles: {
      default: {
        document: {
          run: {
            font: DOCX_FONT,
            size: 22,
            sizeComplexScript: 24,
            language: docxLanguage(version.language),
          },
          paragraph: { spacing: { after: 160, line: 276 } },
        },
      },
    },
    numbering: { config: [...ctx.listStarts].map(orderedNumbering) },
    sections: [
      {
        properties: { page: PAGE },
        ...(version.tlp
          ? { headers: { default: new Header({ children: [marking(version.tlp)] }) } }
          : {}),
        footers: {
          default: new Footer({
            children: [
              ...(version.tlp ? [marking(version.tlp)] : []),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                ...(rtl ? { bidirectional: true } : {}),
                children: [
                  ...textRuns(
                    `${version.title} · ${draft ? draft.label : ctx.title.version(version.number)} · `,
                    { size: 16, color: "777777" },
                    rtl,
                  ),
                  ...pageNumber(),
                ],
              }),
            ],
          }),
        },
        children: [...titleBlock(ctx, draft), ...body, ...bibliography(ctx)],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer);
}

function pageNumber(): ParagraphChild[] {
  return [
    textRunWithField(PageNumber.CURRENT),
    ...textRuns(" / ", { size: 16 }),
    textRunWithField(PageNumber.TOTAL_PAGES),
  ];
}

function textRunWithField(field: (typeof PageNumber)[keyof typeof PageNumber]) {
  return new TextRun({ children: [field], size: 16, font: DOCX_FONT });
}

/**
 * The TLP label on every page, as FIRST asks for documents: header and footer, 12 pt, the
 * label's colour on black, right-aligned and left-to-right even in an Arabic document.
 */
function marking(tlp: TlpMarking): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [
      new TextRun({
        text: tlpLabel(tlp),
        bold: true,
        size: 24,
        font: DOCX_FONT,
        color: TLP_COLOURS[tlp].slice(1),
        shading: { type: ShadingType.CLEAR, color: "auto", fill: "000000" },
      }),
    ],
  });
}
