import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { renderDocx } from "./docx";
import { printFooterTemplate, printHeaderTemplate } from "./print-document";
import { fixtureVersion } from "./test-fixture";
import { exportFilename } from "./version-export";

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)!.async("string");
  const names = Object.keys(zip.files);
  return {
    headers: await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(read)),
    footers: await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read)),
  };
}

describe("handling markings on exports", () => {
  it("prints the TLP label in the PDF's header and footer on every page, 12 pt, on black", () => {
    const version = fixtureVersion({ tlp: "AMBER+STRICT" });
    for (const template of [printHeaderTemplate(version), printFooterTemplate(version)]) {
      expect(template).toContain(">TLP:AMBER+STRICT</span>");
      expect(template).toMatch(/font-size: 12pt;[^"]*background: #000; color: #FFC000;/);
    }
    // Arabic title, Latin label kept left-to-right.
    const arabic = printHeaderTemplate(
      fixtureVersion({ tlp: "RED", language: "ar", direction: "RTL" }),
    );
    expect(arabic).toMatch(/<span dir="ltr"[^>]*color: #FF2B2B;[^>]*>TLP:RED<\/span>/);
  });

  it("prints no label for a version published before briefs carried one", () => {
    const version = fixtureVersion({ tlp: null });
    expect(printHeaderTemplate(version)).not.toContain("TLP:");
    expect(printFooterTemplate(version)).not.toContain("TLP:");
  });

  it("writes the label into the Word header and footer, in its colour on black", async () => {
    const { headers, footers } = await parts(await renderDocx(fixtureVersion({ tlp: "GREEN" })));
    expect(headers).toHaveLength(1);
    for (const xml of [...headers, ...footers]) {
      expect(xml).toContain('<w:t xml:space="preserve">TLP:GREEN</w:t>');
      expect(xml).toMatch(/<w:color w:val="33FF00"\/>/);
      expect(xml).toMatch(/<w:shd [^>]*w:fill="000000"/);
      expect(xml).toMatch(/<w:jc w:val="right"\/>/);
    }
    const unmarked = await parts(await renderDocx(fixtureVersion({ tlp: null })));
    expect(unmarked.headers).toHaveLength(0);
    expect(unmarked.footers.join("")).not.toContain("TLP:");
  });

  it("names the marking in the file name", () => {
    expect(exportFilename("kayes-weekly", 2, "AMBER+STRICT", "pdf")).toBe(
      "kayes-weekly-v2-TLP-AMBER-STRICT.pdf",
    );
    expect(exportFilename("kayes-weekly", 1, "CLEAR", "docx")).toBe(
      "kayes-weekly-v1-TLP-CLEAR.docx",
    );
    expect(exportFilename("kayes-weekly", 1, null, "docx")).toBe("kayes-weekly-v1.docx");
    expect(exportFilename("kayes-weekly", 1, "WHITE", "docx")).toBe("kayes-weekly-v1.docx");
  });
});
