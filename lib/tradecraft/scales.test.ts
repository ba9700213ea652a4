import { describe, expect, it } from "vitest";
import {
  formatBand,
  placePercent,
  probabilityBand,
  probabilityTerm,
  PROBABILITY_STEPS,
} from "./scales";

describe("probability scales", () => {
  it("gives ICD 203's seven terms and bands in order", () => {
    expect(PROBABILITY_STEPS.map((s) => probabilityTerm("icd203", s, "en"))).toEqual([
      "almost no chance",
      "very unlikely",
      "unlikely",
      "roughly even chance",
      "likely",
      "very likely",
      "almost certain",
    ]);
    expect(probabilityBand("icd203", 6)).toEqual({ min: 80, max: 95 });
  });

  it("gives the PHIA yardstick with its own words and bands", () => {
    expect(probabilityTerm("phia", 4, "en")).toBe("realistic possibility");
    expect(probabilityTerm("phia", 6, "en")).toBe("highly likely");
    expect(probabilityBand("phia", 5)).toEqual({ min: 55, max: 75 });
  });

  it("writes French and Arabic terms as analysts do, not as labels", () => {
    expect(probabilityTerm("icd203", 4, "fr")).toBe("chances à peu près égales");
    expect(probabilityTerm("icd203", 6, "fr")).toBe("très probable");
    expect(probabilityTerm("phia", 4, "ar")).toBe("احتمال واقعي");
    expect(probabilityTerm("icd203", 3, "ar")).toBe("غير مرجح");
  });

  it("formats the band beside the term in the locale's digits", () => {
    expect(formatBand(probabilityBand("icd203", 6), "en")).toBe("80%–95%");
    expect(formatBand(probabilityBand("icd203", 6), "fr")).toMatch(/^80\s?%–95\s?%$/);
    // Arabic keeps the digits the app writes elsewhere, with direction marks around "%".
    expect(formatBand(probabilityBand("icd203", 6), "ar")).toBe(
      new Intl.NumberFormat("ar", { style: "percent" }).format(0.8) +
        "–" +
        new Intl.NumberFormat("ar", { style: "percent" }).format(0.95),
    );
  });

  it("places a percentage on ICD 203, a shared edge going to the step below", () => {
    expect(placePercent("icd203", 3)).toEqual({ kind: "step", step: 1 });
    expect(placePercent("icd203", 5)).toEqual({ kind: "step", step: 1 });
    expect(placePercent("icd203", 50)).toEqual({ kind: "step", step: 4 });
    expect(placePercent("icd203", 99)).toEqual({ kind: "step", step: 7 });
    expect(placePercent("icd203", 100)).toEqual({ kind: "outOfRange" });
    expect(placePercent("icd203", 0)).toEqual({ kind: "outOfRange" });
  });

  it("never snaps a percentage in one of PHIA's gaps", () => {
    expect(placePercent("phia", 7)).toEqual({ kind: "gap", below: 1, above: 2 });
    expect(placePercent("phia", 37)).toEqual({ kind: "gap", below: 3, above: 4 });
    expect(placePercent("phia", 78)).toEqual({ kind: "gap", below: 5, above: 6 });
    expect(placePercent("phia", 60)).toEqual({ kind: "step", step: 5 });
    expect(placePercent("phia", 100)).toEqual({ kind: "step", step: 7 });
    expect(placePercent("phia", Number.NaN)).toEqual({ kind: "outOfRange" });
    expect(placePercent("phia", -1)).toEqual({ kind: "outOfRange" });
  });
});
