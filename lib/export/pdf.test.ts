import { afterAll, describe, expect, it } from "vitest";
import { renderPdf } from "./pdf";
import { closePrintBrowser } from "./pdf-browser";
import { hasArabicWord, pdfText } from "./pdf-text";
import { printDocument } from "./print-document";
import { fixtureVersion } from "./test-fixture";

afterAll(() => closePrintBrowser());

describe("renderPdf", () => {
  it("prints title, version, approver, English and Arabic text, tables, notes and bibliography", async () => {
    const bytes = await renderPdf(fixtureVersion());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const extracted = await pdfText(bytes);
    const { text, title } = extracted;
    expect(title).toBe("Kayes weekly — Version 1");
    expect(text).toContain("Kayes weekly");
    expect(text).toContain("Approved by Aminata Approver on November 20, 2026");
    expect(text).toContain("Attacks on the Dakar corridor increased sharply in 2024.");
    expect(text).toContain("Fatalities reached 1,234 over the year.");
    expect(text).toContain("Nioro du Sahel"); // the brief's own table
    expect(text).toContain("Diéma"); // a frozen incident row
    expect(text).toContain("Quarterly Note on Human Rights"); // note and bibliography
    expect(text).toContain("Bibliography");
    expect(text).toMatch(/kayes-weekly · v1 · 1 \/ \d/); // footer with page numbers
    // Running header on every page (the title block on page 1 reads the same way).
    expect(text.match(/Kayes weekly Version 1/g)?.length).toBe(extracted.pages + 1);
    for (const word of ["تصاعدت", "الهجمات", "داكار"])
      expect(hasArabicWord(extracted, word)).toBe(true);
    expect(hasArabicWord(extracted, "الأمم")).toBe(true); // the Arabic footnote
  }, 60_000);

  it("prints an Arabic version right to left in Arabic", async () => {
    const version = fixtureVersion({ language: "ar", direction: "RTL", title: "تقرير كاي" });
    expect(printDocument(version)).toMatch(/<html lang="ar" dir="rtl">/);
    const extracted = await pdfText(await renderPdf(version));
    expect(hasArabicWord(extracted, "تقرير")).toBe(true);
    expect(hasArabicWord(extracted, "اعتمده")).toBe(true);
    expect(hasArabicWord(extracted, "المراجع")).toBe(true); // "Bibliography" heading
    expect(extracted.text).toContain("Aminata Approver");
  }, 60_000);

  it("never lets the print page reach the network", async () => {
    const requests: string[] = [];
    const { createServer } = await import("node:http");
    const server = createServer((req, res) => {
      requests.push(req.url ?? "");
      res.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const url = `http://127.0.0.1:${port}`;
      // Hand-made HTML that the sanitizer would have refused: the printer must still hold.
      const html = `<p>Body</p><img src="${url}/img.png"><link rel="stylesheet" href="${url}/a.css"><iframe src="${url}/frame"></iframe><script>fetch("${url}/js")</script>`;
      const { text } = await pdfText(await renderPdf(fixtureVersion({ html })));
      expect(text).toContain("Body");
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  }, 60_000);
});
