/**
 * Estimative probability scales a workspace can choose for its key judgments: ICD 203's
 * seven terms (US ODNI, 2015) or the UK PHIA probability yardstick. Both have seven steps,
 * so a judgment stores its step (1 = remote … 7 = almost certain) and the workspace's scale
 * says which words and percentages it shows. The French and Arabic terms are the wording
 * analysts write in those languages (Canada's "Vocabulaire des probabilités estimatives" and
 * the UN Arabic editions of the IPCC reports), not word-for-word labels; the band is shown
 * beside them because neither language has one official scale.
 */
import type { AppLocale as Locale } from "@/lib/i18n/config";

export const PROBABILITY_SCALES = ["icd203", "phia"] as const;
export type ProbabilityScale = (typeof PROBABILITY_SCALES)[number];

export const PROBABILITY_STEPS = [1, 2, 3, 4, 5, 6, 7] as const;
export type ProbabilityStep = (typeof PROBABILITY_STEPS)[number];

export const CONFIDENCE_LEVELS = ["low", "moderate", "high"] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/** A band in whole percent; PHIA leaves deliberate gaps between its bands. */
export type Band = { min: number; max: number };

type StepWording = { band: Band; term: Record<Locale, string> };

const ICD203: Record<ProbabilityStep, StepWording> = {
  1: {
    band: { min: 1, max: 5 },
    term: { en: "almost no chance", fr: "presque aucune chance", ar: "ضئيل جداً" },
  },
  2: {
    band: { min: 5, max: 20 },
    term: { en: "very unlikely", fr: "très improbable", ar: "مستبعد جداً" },
  },
  3: { band: { min: 20, max: 45 }, term: { en: "unlikely", fr: "improbable", ar: "غير مرجح" } },
  4: {
    band: { min: 45, max: 55 },
    term: { en: "roughly even chance", fr: "chances à peu près égales", ar: "احتمالات متساوية" },
  },
  5: { band: { min: 55, max: 80 }, term: { en: "likely", fr: "probable", ar: "مرجح" } },
  6: {
    band: { min: 80, max: 95 },
    term: { en: "very likely", fr: "très probable", ar: "مرجح جداً" },
  },
  7: {
    band: { min: 95, max: 99 },
    term: { en: "almost certain", fr: "presque certain", ar: "شبه مؤكد" },
  },
};

const PHIA: Record<ProbabilityStep, StepWording> = {
  1: {
    band: { min: 0, max: 5 },
    term: { en: "remote chance", fr: "possibilité infime", ar: "ضئيل جداً" },
  },
  2: {
    band: { min: 10, max: 20 },
    term: { en: "highly unlikely", fr: "hautement improbable", ar: "مستبعد جداً" },
  },
  3: { band: { min: 25, max: 35 }, term: { en: "unlikely", fr: "improbable", ar: "غير مرجح" } },
  4: {
    band: { min: 40, max: 50 },
    term: { en: "realistic possibility", fr: "possibilité réaliste", ar: "احتمال واقعي" },
  },
  5: { band: { min: 55, max: 75 }, term: { en: "likely", fr: "probable", ar: "مرجح" } },
  6: {
    band: { min: 80, max: 90 },
    term: { en: "highly likely", fr: "hautement probable", ar: "مرجح جداً" },
  },
  7: {
    band: { min: 95, max: 100 },
    term: { en: "almost certain", fr: "presque certain", ar: "شبه مؤكد" },
  },
};

const SCALES: Record<ProbabilityScale, Record<ProbabilityStep, StepWording>> = {
  icd203: ICD203,
  phia: PHIA,
};

export function isProbabilityStep(value: unknown): value is ProbabilityStep {
  return typeof value === "number" && (PROBABILITY_STEPS as readonly number[]).includes(value);
}

export function probabilityBand(scale: ProbabilityScale, step: ProbabilityStep): Band {
  return SCALES[scale][step].band;
}

/** The term a judgment at `step` shows in `locale`, e.g. "very likely" / "très probable". */
export function probabilityTerm(
  scale: ProbabilityScale,
  step: ProbabilityStep,
  locale: Locale,
): string {
  return SCALES[scale][step].term[locale];
}

/** "80–95 %", written with the locale's digits and percent sign. */
export function formatBand(band: Band, locale: Locale): string {
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const [low, high] = [percent.format(band.min / 100), percent.format(band.max / 100)];
  return `${low}–${high}`;
}

export type PercentPlacement =
  | { kind: "step"; step: ProbabilityStep }
  /** Between two bands (PHIA's deliberate gaps): the analyst chooses; nothing is snapped. */
  | { kind: "gap"; below: ProbabilityStep; above: ProbabilityStep }
  | { kind: "outOfRange" };

/**
 * Where a percentage an analyst typed falls on the scale. ICD 203's bands share their edges
 * (5 % is both "almost no chance" and "very unlikely"): an edge belongs to the step below.
 */
export function placePercent(scale: ProbabilityScale, percent: number): PercentPlacement {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return { kind: "outOfRange" };
  const steps = SCALES[scale];
  let previous: ProbabilityStep | undefined;
  for (const step of PROBABILITY_STEPS) {
    const { min, max } = steps[step].band;
    if (percent >= min && percent <= max) return { kind: "step", step };
    if (percent < min) {
      return previous ? { kind: "gap", below: previous, above: step } : { kind: "outOfRange" };
    }
    previous = step;
  }
  return { kind: "outOfRange" };
}
