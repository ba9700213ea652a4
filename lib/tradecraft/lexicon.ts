/**
 * The estimative-language lexicons (lexicons/<locale>.json), compiled once into matchers.
 * A phrase matches as whole words: no letter or digit may touch it on either side, except the
 * lexicon's proclitics (Arabic "و" and "ف" are written joined to the next word).
 */
import type { AppLocale } from "@/lib/i18n/config";
import ar from "./lexicons/ar.json";
import en from "./lexicons/en.json";
import fr from "./lexicons/fr.json";
import { normalizeForMatch } from "./normalize";
import { isProbabilityStep, type ProbabilityStep } from "./scales";

type PhraseEntry = string | { phrase: string; caseSensitive?: boolean };
type LexiconFile = {
  proclitics?: string;
  vague: PhraseEntry[];
  vaguePatterns: string[];
  probability: Record<string, number>;
  confidence: string[];
  judgment: string[];
};

export type Matcher<T> = { phrase: string; pattern: RegExp; value: T };
export type Lexicon = {
  vague: Matcher<null>[];
  probability: Matcher<ProbabilityStep>[];
  confidence: Matcher<null>[];
  judgment: Matcher<null>[];
};

const FILES: Record<AppLocale, LexiconFile> = { en, fr, ar };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile<T>(
  locale: AppLocale,
  proclitics: string,
  phrase: string,
  source: string,
  value: T,
  caseSensitive = false,
): Matcher<T> {
  const lead = proclitics ? `(?:[${proclitics}])?` : "";
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${lead}(?:${source})(?![\\p{L}\\p{N}])`,
    caseSensitive ? "gu" : "giu",
  );
  return { phrase: normalizeForMatch(phrase, locale), pattern, value };
}

function phraseSource(phrase: string, locale: AppLocale): string {
  return normalizeForMatch(phrase, locale).trim().split(/\s+/).map(escape).join("\\s+");
}

/** Without duplicates (normalizing can merge two spellings), longest phrases first, so "very
 * unlikely" is found before "unlikely" and "likely". */
function byLength<T>(matchers: Matcher<T>[]): Matcher<T>[] {
  const unique = new Map(matchers.map((m) => [`${m.pattern.source}/${m.pattern.flags}`, m]));
  return [...unique.values()].sort((a, b) => b.phrase.length - a.phrase.length);
}

function build(locale: AppLocale): Lexicon {
  const file = FILES[locale];
  const proclitics = file.proclitics ?? "";
  const plain = (phrase: string) =>
    compile(locale, proclitics, phrase, phraseSource(phrase, locale), null);
  const vague = [
    ...file.vague.map((entry) => {
      const { phrase, caseSensitive } = typeof entry === "string" ? { phrase: entry } : entry;
      return compile(locale, proclitics, phrase, phraseSource(phrase, locale), null, caseSensitive);
    }),
    ...file.vaguePatterns.map((source) => compile(locale, proclitics, source, source, null)),
  ];
  const probability = Object.entries(file.probability).map(([phrase, step]) => {
    if (!isProbabilityStep(step))
      throw new Error(`lexicons/${locale}.json: bad step for "${phrase}"`);
    return compile(locale, proclitics, phrase, phraseSource(phrase, locale), step);
  });
  return {
    vague: byLength(vague),
    probability: byLength(probability),
    confidence: byLength(file.confidence.map(plain)),
    judgment: byLength(file.judgment.map(plain)),
  };
}

const cache = new Map<AppLocale, Lexicon>();

export function lexiconFor(locale: AppLocale): Lexicon {
  let lexicon = cache.get(locale);
  if (!lexicon) {
    lexicon = build(locale);
    cache.set(locale, lexicon);
  }
  return lexicon;
}

/** A phrase found in normalized text: where, and the lexicon's value for it. */
export type Found<T> = { phrase: string; text: string; index: number; length: number; value: T };

/**
 * Every match of `matchers` in `text` (already normalized), longest phrase first and never
 * two overlapping: inside "very unlikely" neither "unlikely" nor "likely" is found again.
 */
export function findAll<T>(text: string, matchers: readonly Matcher<T>[]): Found<T>[] {
  const found: Found<T>[] = [];
  const overlaps = (index: number, length: number) =>
    found.some((f) => index < f.index + f.length && f.index < index + length);
  for (const matcher of matchers) {
    matcher.pattern.lastIndex = 0;
    for (const match of text.matchAll(matcher.pattern)) {
      if (overlaps(match.index, match[0].length)) continue;
      found.push({
        phrase: matcher.phrase,
        text: match[0],
        index: match.index,
        length: match[0].length,
        value: matcher.value,
      });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
