import type { AppLocale } from "@/lib/i18n/config";

/** A sentence of a block's text, with its place in that text so a warning can point at it. */
export type Sentence = { text: string; start: number; end: number };

/** Sentences by the locale's rules (Intl.Segmenter: Arabic's "؟" and "۔" included). */
export function splitSentences(text: string, locale: AppLocale): Sentence[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: "sentence" });
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const trimmed = segment.trimEnd();
    const lead = trimmed.length - trimmed.trimStart().length;
    if (!trimmed.trim()) continue;
    sentences.push({
      text: trimmed.slice(lead),
      start: index + lead,
      end: index + trimmed.length,
    });
  }
  return sentences;
}
