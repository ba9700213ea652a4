import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { pdfLogicalText } from "./pdf-logical-text";

/**
 * Text and title of a PDF, for tests and the e2e check: pdf.js's text (unpdf, NFKC) and the
 * logical text that Chromium's /ActualText carries (pdf-logical-text.ts), which is the only
 * faithful reading of Arabic shaped with Noto's fonts.
 */
export async function pdfText(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const [{ text, totalPages }, meta] = await Promise.all([
    extractText(pdf, { mergePages: true }),
    getMeta(pdf),
  ]);
  const info = meta.info as Record<string, unknown>;
  return {
    text: text.normalize("NFKC").replace(/\s+/g, " "),
    logical: pdfLogicalText(bytes),
    pages: totalPages,
    title: typeof info.Title === "string" ? info.Title : "",
  };
}

/** Without harakat and tatweel, which fonts may draw as separate glyphs. */
const strip = (s: string) => s.normalize("NFKC").replace(/[\u064B-\u065F\u0670\u0640]/g, "");

/** Whether the PDF holds the Arabic `word` (a whole word, letters in logical order). */
export function hasArabicWord(extracted: { logical: string }, word: string): boolean {
  return strip(extracted.logical).includes(strip(word));
}
