import type { ExportVersion } from "./export-version";
import { withPrintContext } from "./pdf-browser";
import { printDocument, printFooterTemplate, printHeaderTemplate } from "./print-document";

/**
 * The PDF of a published version: the self-contained print document (stored version HTML,
 * embedded Noto fonts for Latin and Arabic, print CSS) printed by headless Chromium on A4
 * with the title and version in a running header and page numbers in the footer. The document is set with setContent: the page never
 * navigates anywhere, and requests other than data: URLs are aborted.
 */
export async function renderPdf(version: ExportVersion): Promise<Uint8Array> {
  const html = printDocument(version);
  return withPrintContext(async (context) => {
    const page = await context.newPage();
    // "load" waits for the inlined fonts and the stylesheet; nothing else can load.
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: printHeaderTemplate(version),
      footerTemplate: printFooterTemplate(version),
      margin: { top: "18mm", bottom: "20mm", left: "18mm", right: "18mm" },
      outline: true,
      tagged: true,
    });
    return new Uint8Array(pdf);
  });
}
