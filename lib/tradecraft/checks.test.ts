import { describe, expect, it } from "vitest";
import type { AppLocale } from "@/lib/i18n/config";
import {
  blockingWarnings,
  checkBodyText,
  checkKeyJudgment,
  checkTrend,
  type KeyJudgment,
  type TradecraftWarning,
} from "./checks";

const cited = [{ kind: "source" as const, reliability: "B", credibility: "2" }];

function judgment(text: string, overrides: Partial<KeyJudgment> = {}): KeyJudgment {
  return { id: "kj1", text, step: 5, confidence: "moderate", support: cited, ...overrides };
}

const codes = (warnings: TradecraftWarning[]) => warnings.map((w) => w.code);
const vagueTerms = (text: string, locale: AppLocale) =>
  checkBodyText([{ id: "p1", text }], locale)
    .filter((w) => w.code === "vagueWording")
    .map((w) => w.term);

describe("key judgment checks", () => {
  it("passes a cited, rated judgment worded as it is rated", () => {
    const text = "JNIM is likely to extend its blockade to the Kayes–Nioro corridor by March.";
    expect(checkKeyJudgment(judgment(text), "en")).toEqual([]);
  });

  it("warns on a judgment without a citation, pointing at its first sentence", () => {
    const [warning] = checkKeyJudgment(judgment("JNIM will likely expand.", { support: [] }), "en");
    expect(warning).toMatchObject({
      code: "judgmentUncited",
      blockId: "kj1",
      sentence: { text: "JNIM will likely expand.", start: 0 },
    });
  });

  it("warns on a judgment resting only on sources graded E/F or 5/6", () => {
    const weak = [
      { kind: "source" as const, reliability: "E", credibility: "2" },
      { kind: "source" as const, reliability: "B", credibility: "6" },
    ];
    expect(codes(checkKeyJudgment(judgment("It is likely.", { support: weak }), "en"))).toEqual([
      "judgmentWeakSources",
    ]);
    // One sound source, or incident rows (data), is enough.
    const mixed = [...weak, { kind: "source" as const, reliability: "A", credibility: "1" }];
    expect(checkKeyJudgment(judgment("It is likely.", { support: mixed }), "en")).toEqual([]);
    const data = [...weak, { kind: "incident" as const }];
    expect(checkKeyJudgment(judgment("It is likely.", { support: data }), "en")).toEqual([]);
  });

  it("warns on a judgment with no probability or confidence", () => {
    expect(codes(checkKeyJudgment(judgment("JNIM will expand.", { step: null }), "en"))).toEqual([
      "judgmentUnrated",
    ]);
  });

  it("flags any vague word in a key judgment", () => {
    const found = checkKeyJudgment(judgment("JNIM could possibly reach Senegal."), "en");
    expect(found.map((w) => w.term)).toEqual(["could", "possibly"]);
  });

  it("flags words that contradict the stated probability, longest phrase first", () => {
    const text = "An attack on Kayes city is likely before the rains.";
    const [warning] = checkKeyJudgment(judgment(text, { step: 3 }), "en");
    expect(warning).toMatchObject({
      code: "probabilityContradiction",
      term: "likely",
      termStep: 5,
      statedStep: 3,
    });
    // "unlikely" and "very unlikely" are their own terms, not "likely".
    expect(checkKeyJudgment(judgment("An attack is unlikely.", { step: 3 }), "en")).toEqual([]);
    expect(checkKeyJudgment(judgment("An attack is very unlikely.", { step: 2 }), "en")).toEqual(
      [],
    );
  });

  it("warns when likelihood and confidence share a sentence", () => {
    const text = "We assess with moderate confidence that an attack is likely.";
    expect(codes(checkKeyJudgment(judgment(text), "en"))).toEqual(["likelihoodWithConfidence"]);
  });

  it("checks French judgments with French terms", () => {
    const contradicts = checkKeyJudgment(
      judgment("Une attaque contre Kayes est peu probable avant la saison des pluies.", {
        step: 5,
      }),
      "fr",
    );
    expect(contradicts).toMatchObject([{ code: "probabilityContradiction", termStep: 3 }]);
    expect(checkKeyJudgment(judgment("Une attaque est très probable.", { step: 6 }), "fr")).toEqual(
      [],
    );
    expect(
      checkKeyJudgment(judgment("Le JNIM pourrait atteindre Diboli.", { step: 5 }), "fr").map(
        (w) => w.term,
      ),
    ).toEqual(["pourrait"]);
  });

  it("checks Arabic judgments with and without vowel marks", () => {
    const text = "من غير المرجح أن تسقط مدينة كايس هذا العام.";
    expect(checkKeyJudgment(judgment(text, { step: 3 }), "ar")).toEqual([]);
    expect(checkKeyJudgment(judgment(text, { step: 5 }), "ar")).toMatchObject([
      { code: "probabilityContradiction", termStep: 3, statedStep: 5 },
    ]);
    const marked = "مِنَ المُرَجَّح جداً أن يوسّع التنظيم حصاره.";
    expect(checkKeyJudgment(judgment(marked, { step: 6 }), "ar")).toEqual([]);
  });
});

describe("vague wording in body text", () => {
  it("flags English hedges only in sentences that state a judgment", () => {
    expect(vagueTerms("We assess that JNIM may target Diboli next.", "en")).toEqual(["may"]);
    expect(vagueTerms("It is likely that the group could expand.", "en")).toEqual(["could"]);
    // Reports of fact, and the month of May, are left alone.
    expect(vagueTerms("The convoy could not pass the checkpoint.", "en")).toEqual([]);
    expect(vagueTerms("We assess the attacks of May 2025 were coordinated.", "en")).toEqual([]);
    expect(vagueTerms("Attacks rose in the remote areas of Kayes.", "en")).toEqual([]);
  });

  it("points each warning at its own sentence", () => {
    const text = "Attacks rose sevenfold. We assess the group might reach Senegal.";
    const [warning] = checkBodyText([{ id: "p7", text }], "en");
    expect(warning?.blockId).toBe("p7");
    expect(warning?.sentence).toEqual({
      text: "We assess the group might reach Senegal.",
      start: 24,
      end: text.length,
    });
  });

  it("flags French hedges, whatever the apostrophe", () => {
    expect(
      vagueTerms("Nous estimons qu’il n’est pas exclu que le JNIM frappe Nioro.", "fr"),
    ).toEqual(["il n'est pas exclu que"]);
    expect(vagueTerms("Nous estimons que le blocus pourrait durer.", "fr")).toEqual(["pourrait"]);
    expect(vagueTerms("Le blocus devrait éventuellement s'étendre.", "fr")).toEqual([
      "éventuellement",
    ]);
    expect(vagueTerms("Le convoi ne pourrait pas passer, selon les chauffeurs.", "fr")).toEqual([]);
  });

  it("flags Arabic hedges: qad with an imperfect verb, but not qad with a past one", () => {
    expect(vagueTerms("نقدّر أن التنظيم قد يوسّع هجماته نحو الحدود.", "ar")).toEqual(["قد يوسع"]);
    expect(vagueTerms("من المتوقع أن يستمر الحصار، وربما يمتد إلى نيورو.", "ar")).toEqual([
      "وربما",
    ]);
    expect(vagueTerms("نقدر أنه لا يُستبعد هجوم جديد.", "ar")).toEqual(["لا يستبعد"]);
    // "قد وقع" and "قد تم" state what happened; a sentence without a judgment is a report.
    expect(vagueTerms("نقدر أن الهجوم قد تم بتنسيق بين عدة مجموعات.", "ar")).toEqual([]);
    expect(vagueTerms("نرجح أن الهجوم قد وقع فجراً.", "ar")).toEqual([]);
    expect(vagueTerms("ربما كان الطريق مغلقاً أمس.", "ar")).toEqual([]);
  });
});

describe("trend against the brief's figures", () => {
  const rose = [{ label: "Kayes incidents", current: 28, previous: 4 }];
  const fell = [{ label: "Kayes incidents", current: 3, previous: 9 }];

  it("flags 'improved' while a figure rose", () => {
    expect(checkTrend("improved", rose)).toEqual([
      { code: "trendContradiction", term: "Kayes incidents" },
    ]);
    expect(checkTrend("improved", fell)).toEqual([]);
  });

  it("flags 'deteriorated' while every figure fell", () => {
    expect(codes(checkTrend("deteriorated", fell))).toEqual(["trendContradiction"]);
    expect(checkTrend("deteriorated", [...fell, ...rose])).toEqual([]);
  });

  it("has nothing to say without a trend, for 'unchanged', or without figures", () => {
    expect(checkTrend(null, rose)).toEqual([]);
    expect(checkTrend("unchanged", rose)).toEqual([]);
    expect(checkTrend("improved", [])).toEqual([]);
  });
});

it("keeps only the warnings the workspace blocks approval with", () => {
  const warnings = checkKeyJudgment(judgment("JNIM could expand.", { support: [] }), "en");
  expect(codes(blockingWarnings(warnings, new Set(["judgmentUncited"])))).toEqual([
    "judgmentUncited",
  ]);
});
