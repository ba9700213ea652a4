import type { JSONContent } from "@tiptap/core";
import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from "docx";
import { isSafeLinkHref } from "@/lib/editor/link-href";
import { blockIsRtl } from "./block-direction";
import type { DocxContext } from "./docx-context";
import { styledRuns, textRuns, type RunStyle } from "./docx-runs";
import { revisionIdsOf, trackedChangeOf, trackedRuns } from "./docx-tracked";
import { figureText } from "./embed-text";
import { htmlToStyledText, htmlToText } from "./note-html";

function styleOfMarks(marks: JSONContent["marks"]): { style: RunStyle; href: string | null } {
  const style: RunStyle = {};
  let href: string | null = null;
  for (const mark of marks ?? []) {
    if (mark.type === "bold") style.bold = true;
    else if (mark.type === "italic") style.italic = true;
    else if (mark.type === "underline") style.underline = true;
    else if (mark.type === "strike") style.strike = true;
    else if (mark.type === "code") style.code = true;
    else if (mark.type === "link") {
      const target: unknown = mark.attrs?.href;
      // Only absolute http(s)/mailto links make sense outside the site; others stay text.
      if (isSafeLinkHref(target) && /^(https?:|mailto:)/i.test(target.trim())) href = target.trim();
    }
  }
  return { style, href };
}

/** The footnote of the next citation node: its frozen note text, as a real Word footnote. */
function footnote(ctx: DocxContext): FootnoteReferenceRun {
  const number = ctx.nextNote++;
  const note = ctx.notes.get(number);
  const html = note?.html ?? "";
  const rtl = blockIsRtl("auto", htmlToText(html), ctx.version.direction);
  const children = html ? styledRuns(htmlToStyledText(html), rtl) : [];
  // As on the reader page: a note citing a deleted source says so.
  if (note && note.missing > 0)
    children.push(...textRuns(` (${ctx.labels.missingSource})`, { italic: true }, rtl));
  if (children.length === 0) children.push(...textRuns("—"));
  return new FootnoteReferenceRun({
    children: [new Paragraph({ children, ...(rtl ? { bidirectional: true } : {}) })],
  });
}

/** Runs of a block's inline content, in order, with marks, links, footnotes and figures. */
export function inlineChildren(
  nodes: JSONContent[] | undefined,
  ctx: DocxContext,
  paragraphRtl: boolean,
  base: RunStyle = {},
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes ?? []) {
    if (node.type === "text" && node.text) {
      const { style, href } = styleOfMarks(node.marks);
      // A draft's pending suggestion: a Word tracked change (lib/export/docx-tracked.ts).
      const change = trackedChangeOf(node.marks, "—");
      if (change) {
        out.push(
          ...trackedRuns(
            node.text,
            { ...base, ...style },
            paragraphRtl,
            change,
            revisionIdsOf(ctx),
          ),
        );
        continue;
      }
      if (href) {
        out.push(
          new ExternalHyperlink({
            link: href,
            children: textRuns(node.text, { ...base, ...style, link: true }, paragraphRtl),
          }),
        );
      } else {
        out.push(...textRuns(node.text, { ...base, ...style }, paragraphRtl));
      }
    } else if (node.type === "hardBreak") {
      out.push(new TextRun({ break: 1 }));
    } else if (node.type === "citation") {
      out.push(footnote(ctx));
    } else if (node.type === "incidentFigure") {
      const embed = ctx.findEmbed("figure", node.attrs?.spec);
      const text = embed ? figureText(embed.result, ctx.version.language) : "?";
      out.push(...textRuns(text, { ...base, bold: true }, paragraphRtl));
    } else if (node.content) {
      out.push(...inlineChildren(node.content, ctx, paragraphRtl, base));
    }
  }
  return out;
}
