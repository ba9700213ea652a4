import { TextRun, type IRunOptions } from "docx";
import type { StyledText } from "./note-html";

/**
 * Fonts of every run: Noto Sans for Latin text and Noto Naskh Arabic for complex scripts
 * (w:cs), the same families the PDF embeds. Word substitutes a near font when they are not
 * installed, but the complex-script slot keeps Arabic in an Arabic-capable face.
 */
export const DOCX_FONT = {
  ascii: "Noto Sans",
  hAnsi: "Noto Sans",
  cs: "Noto Naskh Arabic",
  eastAsia: "Noto Sans",
} as const;

/** w:lang of the document: the brief's language, and Arabic for complex-script text. */
export function docxLanguage(language: string) {
  const value = language === "fr" ? "fr-FR" : language === "ar" ? "ar-SA" : "en-US";
  return { value, bidirectional: "ar-SA" };
}

export type RunStyle = {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  superScript?: boolean;
  subScript?: boolean;
  smallCaps?: boolean;
  /** Hyperlink character style. */
  link?: boolean;
  color?: string;
  size?: number;
};

const RTL_LETTERS = "\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF";
const LTR_LETTERS = "A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF";
/** A stretch of right-to-left letters with the neutrals between them ("الأمم المتحدة، ٢٠٢٤"). */
const RTL_STRETCH = new RegExp(`[${RTL_LETTERS}](?:[^${LTR_LETTERS}]*[${RTL_LETTERS}])?`, "g");
const HAS_LTR = new RegExp(`[${LTR_LETTERS}]`);

/**
 * Text split the way Word stores mixed-direction text: right-to-left stretches as w:rtl
 * runs (complex-script shaping, fonts and bold/italic), Latin stretches as plain runs, and
 * neutral stretches (spaces, digits, punctuation between the two) in the paragraph's
 * direction, so they land on the right side of a bidi paragraph.
 */
export function directionalSegments(
  text: string,
  paragraphRtl: boolean,
): { text: string; rtl: boolean }[] {
  const out: { text: string; rtl: boolean }[] = [];
  const push = (t: string, rtl: boolean) => {
    if (t) out.push({ text: t, rtl });
  };
  let last = 0;
  for (const match of text.matchAll(RTL_STRETCH)) {
    const between = text.slice(last, match.index);
    push(between, HAS_LTR.test(between) ? false : paragraphRtl);
    push(match[0], true);
    last = match.index + match[0].length;
  }
  const rest = text.slice(last);
  push(rest, HAS_LTR.test(rest) ? false : paragraphRtl);
  return out;
}

function run(text: string, style: RunStyle, rtl: boolean): TextRun {
  const options: IRunOptions = {
    text,
    font: style.code ? { ascii: "Courier New", hAnsi: "Courier New", cs: DOCX_FONT.cs } : DOCX_FONT,
    ...(rtl ? { rightToLeft: true } : {}),
    ...(style.bold ? { bold: true, boldComplexScript: true } : {}),
    ...(style.italic ? { italics: true, italicsComplexScript: true } : {}),
    ...(style.underline ? { underline: {} } : {}),
    ...(style.strike ? { strike: true } : {}),
    ...(style.superScript ? { superScript: true } : {}),
    ...(style.subScript ? { subScript: true } : {}),
    ...(style.smallCaps ? { smallCaps: true } : {}),
    ...(style.link ? { style: "Hyperlink" } : {}),
    ...(style.color ? { color: style.color } : {}),
    ...(style.size ? { size: style.size, sizeComplexScript: style.size } : {}),
  };
  return new TextRun(options);
}

/** The runs of `text` with `style`, split by direction (see directionalSegments). */
export function textRuns(text: string, style: RunStyle = {}, paragraphRtl = false): TextRun[] {
  return directionalSegments(text, paragraphRtl).map((s) => run(s.text, style, s.rtl));
}

/** Runs of formatted-note HTML segments (footnotes, bibliography). */
export function styledRuns(segments: StyledText[], paragraphRtl: boolean, base: RunStyle = {}) {
  return segments.flatMap((s) => textRuns(s.text, { ...base, ...s }, paragraphRtl));
}
