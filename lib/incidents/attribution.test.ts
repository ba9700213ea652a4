import { describe, expect, it } from "vitest";
import { attributionOfCitedRow, attributionText, datasetAttribution } from "./attribution";

describe("dataset attribution", () => {
  it("credits UCDP under CC BY 4.0 with the dataset name of the release", () => {
    expect(datasetAttribution("UCDP_GED", "26.0.7")).toEqual({
      credit:
        "UCDP Candidate Events Dataset v26.0.7, Uppsala Conflict Data Program, Uppsala University",
      licence: "CC BY 4.0",
      licenceUrl: "https://creativecommons.org/licenses/by/4.0/",
      url: "https://ucdp.uu.se/",
    });
    expect(datasetAttribution("UCDP_GED", "25.1")?.credit).toBe(
      "UCDP Georeferenced Event Dataset (GED) Global version 25.1, Uppsala Conflict Data Program, Uppsala University",
    );
    expect(datasetAttribution("UCDP_GED", null)?.credit).toMatch(
      /^UCDP Georeferenced Event Dataset \(GED\), Uppsala/,
    );
  });

  it("credits ACLED without claiming an open licence, and in-house rows not at all", () => {
    const acled = datasetAttribution("ACLED", "2025-02")!;
    expect(acled.licence).toBeNull();
    expect(attributionText(acled)).toBe(
      "Armed Conflict Location & Event Data (ACLED), acleddata.com",
    );
    expect(datasetAttribution("INHOUSE", null)).toBeNull();
  });

  it("reads a cited row by the dataset name its citation item stores", () => {
    const item = { dataset: "UCDP GED", version: "26.0.7" };
    expect(attributionText(attributionOfCitedRow(item)!)).toBe(
      "UCDP Candidate Events Dataset v26.0.7, Uppsala Conflict Data Program, Uppsala University (CC BY 4.0)",
    );
    expect(attributionOfCitedRow({ dataset: "Briefroom in-house", version: "" })).toBeNull();
    expect(attributionOfCitedRow({ dataset: "Unknown", version: "1" })).toBeNull();
  });
});
