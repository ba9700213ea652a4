import { describe, expect, it } from "vitest";
import { blockIsRtl, firstStrongDirection } from "./block-direction";
import { directionalSegments } from "./docx-runs";
import { decodeEntities, htmlToStyledText, htmlToText } from "./note-html";

describe("htmlToStyledText", () => {
  it("turns citeproc's tags into styles and decodes entities", () => {
    expect(
      htmlToStyledText(
        'Smith, <i>Mali &amp; the <b>Sahel</b></i>, <span style="font-variant:small-caps;">un</span> 3<sup>e</sup>.',
      ),
    ).toEqual([
      { text: "Smith, " },
      { text: "Mali & the ", italic: true },
      { text: "Sahel", italic: true, bold: true },
      { text: ", " },
      { text: "un", smallCaps: true },
      { text: " 3" },
      { text: "e", superScript: true },
      { text: "." },
    ]);
    expect(htmlToText("&lt;script&gt; &#x627;&#1604; &quot;q&quot; &bogus;")).toBe(
      '<script> ال "q" &bogus;',
    );
    expect(decodeEntities("&#0; &#x110000;")).toBe(" ");
  });
});

describe("blockIsRtl", () => {
  it("follows dir, then the first strong character, then the version", () => {
    expect(blockIsRtl("rtl", "English", "LTR")).toBe(true);
    expect(blockIsRtl("ltr", "عربي", "RTL")).toBe(false);
    expect(blockIsRtl("auto", "2024: هجوم on Kayes", "LTR")).toBe(true);
    expect(blockIsRtl(undefined, "Kayes كاي", "RTL")).toBe(false);
    expect(blockIsRtl("auto", "2024 — 12", "RTL")).toBe(true);
    expect(firstStrongDirection("« 12 »")).toBeNull();
  });
});

describe("directionalSegments", () => {
  it("splits mixed text into RTL stretches, Latin stretches and neutrals in the paragraph's direction", () => {
    expect(directionalSegments("Attacks by جماعة نصرة الإسلام in 2024.", false)).toEqual([
      { text: "Attacks by ", rtl: false },
      { text: "جماعة نصرة الإسلام", rtl: true },
      { text: " in 2024.", rtl: false },
    ]);
    expect(directionalSegments("هاجمت JNIM مدينة كاي في ٢٠٢٤.", true)).toEqual([
      { text: "هاجمت", rtl: true },
      { text: " JNIM ", rtl: false },
      { text: "مدينة كاي في ٢٠٢٤", rtl: true },
      { text: ".", rtl: true },
    ]);
    expect(directionalSegments("12 — 14", true)).toEqual([{ text: "12 — 14", rtl: true }]);
    expect(directionalSegments("", false)).toEqual([]);
  });
});
