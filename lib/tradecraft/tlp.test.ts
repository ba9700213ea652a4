import { describe, expect, it } from "vitest";
import {
  allowsPublicLink,
  isolatedTlpLabel,
  isTlpMarking,
  tlpFileTag,
  tlpLabel,
  TLP_MARKINGS,
} from "./tlp";

describe("TLP 2.0 markings", () => {
  it("writes labels in capitals with no spaces and never translates them", () => {
    expect(TLP_MARKINGS.map(tlpLabel)).toEqual([
      "TLP:CLEAR",
      "TLP:GREEN",
      "TLP:AMBER",
      "TLP:AMBER+STRICT",
      "TLP:RED",
    ]);
  });

  it("isolates the label as left-to-right for Arabic text", () => {
    expect(isolatedTlpLabel("AMBER+STRICT")).toBe("\u2066TLP:AMBER+STRICT\u2069");
  });

  it("allows a public link for TLP:CLEAR only", () => {
    expect(TLP_MARKINGS.filter(allowsPublicLink)).toEqual(["CLEAR"]);
  });

  it("names the marking in a file-name-safe way", () => {
    expect(tlpFileTag("AMBER+STRICT")).toBe("TLP-AMBER-STRICT");
    expect(tlpFileTag("RED")).toBe("TLP-RED");
  });

  it("accepts only the five labels", () => {
    expect(isTlpMarking("AMBER")).toBe(true);
    expect(isTlpMarking("WHITE")).toBe(false);
    expect(isTlpMarking("amber")).toBe(false);
    expect(isTlpMarking(null)).toBe(false);
  });
});
