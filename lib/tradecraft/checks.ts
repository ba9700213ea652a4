/**
 * Tradecraft checks run before a brief is submitted. They warn; the workspace decides which
 * ones block approval (blockingWarnings). Each warning names the block and the sentence it is
 * about, so the editor can take the analyst there.
 */
import type { AppLocale } from "@/lib/i18n/config";
import { findAll, lexiconFor } from "./lexicon";
import { normalizeForMatch } from "./normalize";
import type { ConfidenceLevel, ProbabilityStep } from "./scales";
import { splitSentences, type Sentence } from "./sentences";

export const WARNING_CODES = [
  "judgmentUncited",
  "judgmentWeakSources",
  "judgmentUnrated",
  "vagueWording",
  "probabilityContradiction",
  "likelihoodWithConfidence",
  "trendContradiction",
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export type TradecraftWarning = {
  code: WarningCode;
  /** The block (key judgment or paragraph) the warning is about; absent for the header. */
  blockId?: string;
  sentence?: Sentence;
  /** The words that raised it, as written. */
  term?: string;
  /** probabilityContradiction: the step the words say, beside the step the judgment states. */
  termStep?: ProbabilityStep;
  statedStep?: ProbabilityStep;
};

/** What a judgment cites: a graded source, or incident rows (data, never "weak"). */
export type JudgmentSupport =
  { kind: "source"; reliability: string; credibility: string } | { kind: "incident" };

export type KeyJudgment = {
  id: string;
  text: string;
  step: ProbabilityStep | null;
  confidence: ConfidenceLevel | null;
  support: readonly JudgmentSupport[];
};

export type TextBlock = { id: string; text: string };

const WEAK_RELIABILITY = new Set(["E", "F"]);
const WEAK_CREDIBILITY = new Set(["5", "6"]);

function isWeak(support: JudgmentSupport): boolean {
  return (
    support.kind === "source" &&
    (WEAK_RELIABILITY.has(support.reliability) || WEAK_CREDIBILITY.has(support.credibility))
  );
}

type SentenceTerms = ReturnType<typeof termsOf>;

function termsOf(sentence: Sentence, locale: AppLocale) {
  const lexicon = lexiconFor(locale);
  const text = normalizeForMatch(sentence.text, locale);
  return {
    vague: findAll(text, lexicon.vague),
    probability: findAll(text, lexicon.probability),
    confidence: findAll(text, lexicon.confidence),
    judgment: findAll(text, lexicon.judgment),
  };
}

function wordingWarnings(
  blockId: string,
  sentence: Sentence,
  terms: SentenceTerms,
): TradecraftWarning[] {
  const warnings: TradecraftWarning[] = terms.vague.map((f) => ({
    code: "vagueWording",
    blockId,
    sentence,
    term: f.text,
  }));
  const [likelihood] = terms.probability;
  const [confidence] = terms.confidence;
  if (likelihood && confidence) {
    warnings.push({
      code: "likelihoodWithConfidence",
      blockId,
      sentence,
      term: `${likelihood.text} … ${confidence.text}`,
    });
  }
  return warnings;
}

/** A key judgment: cited, not on weak sources alone, rated, and worded as it is rated. */
export function checkKeyJudgment(judgment: KeyJudgment, locale: AppLocale): TradecraftWarning[] {
  const sentences = splitSentences(judgment.text, locale);
  const first = sentences[0];
  const warnings: TradecraftWarning[] = [];
  if (judgment.support.length === 0) {
    warnings.push({ code: "judgmentUncited", blockId: judgment.id, sentence: first });
  } else if (judgment.support.every(isWeak)) {
    warnings.push({ code: "judgmentWeakSources", blockId: judgment.id, sentence: first });
  }
  if (judgment.step === null || judgment.confidence === null) {
    warnings.push({ code: "judgmentUnrated", blockId: judgment.id, sentence: first });
  }
  for (const sentence of sentences) {
    const terms = termsOf(sentence, locale);
    warnings.push(...wordingWarnings(judgment.id, sentence, terms));
    const stated = judgment.step;
    if (stated === null) continue;
    for (const found of terms.probability) {
      if (found.value === stated) continue;
      warnings.push({
        code: "probabilityContradiction",
        blockId: judgment.id,
        sentence,
        term: found.text,
        termStep: found.value,
        statedStep: stated,
      });
    }
  }
  return warnings;
}

/**
 * Body text: a vague estimative word is flagged only in a sentence that states a judgment
 * ("we assess", a likelihood term…), since "the convoy could not pass" reports a fact.
 */
export function checkBodyText(
  blocks: readonly TextBlock[],
  locale: AppLocale,
): TradecraftWarning[] {
  const warnings: TradecraftWarning[] = [];
  for (const block of blocks) {
    for (const sentence of splitSentences(block.text, locale)) {
      const terms = termsOf(sentence, locale);
      const judges = terms.judgment.length > 0 || terms.probability.length > 0;
      const found = wordingWarnings(block.id, sentence, terms);
      warnings.push(...(judges ? found : found.filter((w) => w.code !== "vagueWording")));
    }
  }
  return warnings;
}

export const TRENDS = ["deteriorated", "improved", "unchanged"] as const;
export type Trend = (typeof TRENDS)[number];

/** One of the brief's incident figures now and in the previous published version. */
export type FigureChange = { label: string; current: number; previous: number };

/**
 * A trend that the brief's own figures contradict: "improved" while an incident count or
 * death toll rose, "deteriorated" while every one fell. More incidents is read as worse.
 */
export function checkTrend(
  trend: Trend | null,
  figures: readonly FigureChange[],
): TradecraftWarning[] {
  if (!trend || trend === "unchanged" || figures.length === 0) return [];
  const rose = figures.filter((f) => f.current > f.previous);
  if (trend === "improved" && rose.length > 0) {
    return rose.map((f) => ({ code: "trendContradiction", term: f.label }));
  }
  if (trend === "deteriorated" && figures.every((f) => f.current < f.previous)) {
    return [{ code: "trendContradiction", term: figures.map((f) => f.label).join(", ") }];
  }
  return [];
}

/** The warnings the workspace has chosen to block approval with. */
export function blockingWarnings(
  warnings: readonly TradecraftWarning[],
  blocking: ReadonlySet<WarningCode>,
): TradecraftWarning[] {
  return warnings.filter((w) => blocking.has(w.code));
}
