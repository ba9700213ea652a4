import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import JSZip from "jszip";
import { hasArabicWord, pdfText } from "../lib/export/pdf-text";
import { signIn, USERS } from "./helpers";

// Published by the demo seed (lib/demo/publications.ts): the Arabic brief with a public
// link and three footnotes (two sources, then the UCDP rows behind its incident figure),
// the French brief for workspace members only.
const ARABIC = "/p/jnim-kayes-ar/v/1";
const FRENCH = "/p/jnim-kayes-fr/v/1";

async function download(page: Page, testId: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId(testId).click(),
  ]);
  return { file, bytes: await readFile((await file.path())!) };
}

async function docxParts(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  return { document: await read("word/document.xml"), footnotes: await read("word/footnotes.xml") };
}

test("a visitor downloads the public Arabic version as PDF and DOCX, right to left with its footnotes", async ({
  page,
}) => {
  expect((await page.goto(ARABIC))?.status()).toBe(200);

  const pdf = await download(page, "export-pdf");
  expect(pdf.file.suggestedFilename()).toBe("jnim-kayes-ar-v1-TLP-CLEAR.pdf");
  expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(new Uint8Array(pdf.bytes));
  expect(text.title).toContain("كايس");
  for (const word of ["كايس", "ميلجي", "باماكو"]) expect(hasArabicWord(text, word)).toBe(true); // body
  expect(hasArabicWord(text, "تمبكتو")).toBe(true); // the first footnote cites the Timbuktu Institute
  expect(text.text).toContain("Melgué"); // the second footnote's French source
  expect(text.text).toContain("UCDP GED 26.0.7"); // the third cites UCDP rows…
  expect(text.text).toContain("CC BY 4.0"); // …under UCDP's licence

  const docx = await download(page, "export-docx");
  expect(docx.file.suggestedFilename()).toBe("jnim-kayes-ar-v1-TLP-CLEAR.docx");
  const { document, footnotes } = await docxParts(docx.bytes);
  expect(document).toContain("ميلجي");
  expect(document).toMatch(/<w:bidi\/>/);
  expect(document).toMatch(/<w:rtl\/>/);
  expect(document.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(3);
  expect(footnotes).toContain("تمبكتو");
  expect(footnotes).toContain("Melgué");
  expect(footnotes).toContain("Uppsala Conflict Data Program, Uppsala University (CC BY 4.0)");

  // Exports are made once from the frozen version: a second download is the same file.
  const again = await download(page, "export-pdf");
  expect(again.bytes.equals(pdf.bytes)).toBe(true);
});

test("a members-only version's exports are not found for a visitor and served to a member", async ({
  page,
}) => {
  for (const format of ["pdf", "docx"]) {
    expect((await page.request.get(`${FRENCH}/export/${format}`)).status()).toBe(404);
  }
  expect((await page.request.get(`${ARABIC}/export/odt`)).status()).toBe(404);

  await signIn(page, USERS.viewer);
  expect((await page.goto(FRENCH))?.status()).toBe(200);
  const docx = await download(page, "export-docx");
  expect(docx.file.suggestedFilename()).toBe("jnim-kayes-fr-v1-TLP-AMBER.docx");
  const { document } = await docxParts(docx.bytes);
  expect(document).toContain("Mauritanie");
  expect(document).not.toMatch(/<w:bidi\/>/);

  const response = await page.request.get(`${FRENCH}/export/pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toBe(
    'attachment; filename="jnim-kayes-fr-v1-TLP-AMBER.pdf"',
  );
  expect((await pdfText(new Uint8Array(await response.body()))).text).toContain("Mauritanie");
});
