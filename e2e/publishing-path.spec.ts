import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import JSZip from "jszip";
import { hasArabicWord, pdfText } from "../lib/export/pdf-text";
import { collabReady, newBrief, openAs, USERS, WORKSPACE } from "./helpers";

// A brief's whole path in two browsers: write → comment → review → approve → publish → read
// (also as a visitor, in Arabic) → revise text and data → v2 → compare → export.

const ARABIC_SENTENCE = "تصاعدت الهجمات قرب كايس في شهر مايو";
const SOURCE = "معهد تمبكتو";

async function addIncident(page: Page, place: string, date: string, fatalities: string) {
  await page.goto(`${WORKSPACE}/incidents`);
  const form = page.getByTestId("add-incident");
  await form.locator("summary").click();
  await form.locator('input[name="dateStart"]').fill(date);
  await form.locator('input[name="eventType"]').fill("Battles");
  await form.locator('input[name="sideA"]').fill("JNIM");
  await form.locator('input[name="admin1"]').fill("Kayes");
  await form.locator('input[name="placeName"]').fill(place);
  await form.locator('input[name="fatalitiesBest"]').fill(fatalities);
  await form.locator('button[type="submit"]').click();
  await expect(form.getByRole("status")).toBeVisible();
}

function status(page: Page) {
  return page.getByTestId("workflow-status");
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId(testId).click(),
  ]);
  return readFile((await file.path())!);
}

/** The approver's page follows the editor's submission live (no reload). */
async function approveAndPublish(approver: Page, publicLink: boolean) {
  await expect(status(approver)).toHaveAttribute("data-status", "IN_REVIEW");
  await approver.getByTestId("workflow-approve").click();
  await expect(status(approver)).toHaveAttribute("data-status", "APPROVED");
  if (publicLink) {
    // Only TLP:CLEAR may have a public link.
    await approver.getByTestId("marking-select").selectOption("CLEAR");
    await expect(approver.getByTestId("marking-control").getByTestId("tlp-label")).toHaveText(
      "TLP:CLEAR",
    );
  }
  await approver.getByTestId("workflow-publish").click();
  const form = approver.getByTestId("publish-form");
  if (publicLink) await form.locator('input[name="publicLink"]').check();
  await form.locator('button[type="submit"]').click();
  await expect(status(approver)).toHaveAttribute("data-status", "PUBLISHED");
  const href = await approver.getByTestId("latest-version-link").getAttribute("href");
  return href!.replace(/\/v\/\d+$/, "");
}

test("write, comment, review, approve, publish, read, revise, compare and export", async ({
  browser,
}) => {
  // One journey: each step starts from where the previous one left the brief.
  test.setTimeout(240_000);
  const stamp = Date.now();
  const place = `Sadiola${stamp}`;
  const editor = await openAs(browser, USERS.editor);
  const approver = await openAs(browser, USERS.approver);
  const visitor = await openAs(browser);
  const body = visitor.getByTestId("reader-body");

  const briefPath =
    await test.step("the editor writes English, Arabic with a citation and a live table, and submits", async () => {
      await addIncident(editor, place, "2025-05-02", "4");
      await editor.goto(WORKSPACE);
      await editor.getByTestId("create-brief").locator("summary").click();
      await editor.locator('input[name="title"]').fill(`Kayes outlook ${stamp}`);
      await editor.locator('select[name="language"]').selectOption("en");
      await editor.getByTestId("create-brief").locator('button[type="submit"]').click();
      await collabReady(editor);
      await editor.getByTestId("editor").click();
      await editor.keyboard.type("Attacks on the Kayes road rose in May.");
      await editor.keyboard.press("Enter");
      await editor.keyboard.type(`${ARABIC_SENTENCE} `);
      await editor.getByTestId("cite-button").click();
      await editor.getByTestId("citation-search").fill(SOURCE);
      await editor.getByTestId("citation-option").filter({ hasText: SOURCE }).first().click();
      await expect(editor.getByTestId("editor").getByTestId("citation-marker")).toHaveText("1");
      await editor.keyboard.press("End");
      await editor.keyboard.press("Enter");
      const picker = editor.getByTestId("incident-embed-picker");
      await picker.locator("summary").click();
      await picker.getByTestId("picker-kind").selectOption("table");
      await picker.getByTestId("picker-q").fill(place);
      await picker.getByTestId("picker-insert").click();
      await expect(editor.getByTestId("embed-table").getByTestId("embed-row")).toHaveCount(1);
      await collabReady(editor);
      await editor.getByTestId("workflow-submit").click();
      await expect(status(editor)).toHaveAttribute("data-status", "IN_REVIEW");
      return new URL(editor.url()).pathname;
    });

  await test.step("the approver comments on the English sentence and requests changes", async () => {
    await approver.goto(briefPath);
    await collabReady(approver);
    await approver.getByTestId("editor").locator("p", { hasText: "Kayes road" }).click();
    await approver.keyboard.press("End");
    await approver.keyboard.press("Shift+Home");
    await approver.getByTestId("comment-button").click();
    await approver.getByTestId("thread-composer-input").fill("Which source gives the May rise?");
    await approver.getByTestId("thread-composer").locator('button[type="submit"]').click();
    const threads = approver.getByTestId("open-threads").getByTestId("comment-thread");
    await expect(threads).toHaveCount(1);
    await approver.getByTestId("workflow-requestChanges").click();
    const changes = approver.getByTestId("request-changes-form");
    await changes.locator("textarea").fill("See my comment on the first sentence.");
    await changes.locator('button[type="submit"]').click();
    await expect(status(approver)).toHaveAttribute("data-status", "DRAFT");
  });

  await test.step("the editor sees the thread and the status change live, resolves it and resubmits", async () => {
    await expect(status(editor)).toHaveAttribute("data-status", "DRAFT");
    await expect(editor.getByTestId("review-log")).toContainText("See my comment");
    const thread = editor.getByTestId("open-threads").getByTestId("comment-thread");
    await expect(thread).toContainText("Which source gives the May rise?");
    await thread.getByTestId("resolve-thread").click();
    await expect(editor.getByTestId("open-threads").getByTestId("comment-thread")).toHaveCount(0);
    await editor.getByTestId("workflow-submit").click();
    await expect(status(editor)).toHaveAttribute("data-status", "IN_REVIEW");
  });

  const publication =
    await test.step("the approver approves and publishes v1 with a public link", () =>
      approveAndPublish(approver, true));

  await test.step("a visitor reads v1 in an Arabic interface: right-to-left paragraph, footnote, data", async () => {
    expect((await visitor.goto(publication))?.status()).toBe(200);
    await visitor.getByTestId("language-switcher").selectOption("ar");
    await expect(visitor.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(body).toContainText("Attacks on the Kayes road rose in May.");
    await expect(body.locator("p", { hasText: ARABIC_SENTENCE })).toHaveAttribute("dir", "rtl");
    await expect(body.locator(".footnotes li.footnote")).toHaveCount(1);
    await expect(body.locator(".bibliography li")).toContainText(SOURCE);
    await expect(body.locator(".embed-table tbody tr")).toHaveCount(1);
    await expect(visitor.getByTestId("reader-version")).toContainText("1");
  });

  await test.step("the editor revises the text and the data; v2 is reviewed and published", async () => {
    await addIncident(editor, place, "2025-05-20", "7");
    await editor.goto(briefPath);
    await collabReady(editor);
    await expect(editor.getByTestId("embed-table").getByTestId("embed-row")).toHaveCount(2);
    await editor.getByTestId("editor").locator("p", { hasText: "Kayes road" }).click();
    await editor.keyboard.press("End");
    await editor.keyboard.type(" Two more ambushes followed.");
    await collabReady(editor);
    await editor.getByTestId("workflow-submit").click();
    await expect(status(editor)).toHaveAttribute("data-status", "IN_REVIEW");
    expect(await approveAndPublish(approver, true)).toBe(publication);
  });

  await test.step("v1 keeps its frozen data; v2 has the new row and text", async () => {
    await visitor.goto(`${publication}/v/1`);
    await expect(body.locator(".embed-table tbody tr")).toHaveCount(1);
    await expect(body).not.toContainText("Two more ambushes");
    await visitor.goto(`${publication}/v/2`);
    await expect(body.locator(".embed-table tbody tr")).toHaveCount(2);
    await expect(body).toContainText("Two more ambushes followed.");
    await expect(visitor.getByTestId("version-item")).toHaveCount(2);
  });

  await test.step("comparing v1 with v2 shows the text and the data changes", async () => {
    await approver.goto(`${briefPath}/compare?from=v1&to=v2`);
    await expect(approver.getByTestId("diff-text").locator("ins")).toContainText(
      "Two more ambushes followed.",
    );
    const added = approver.getByTestId("diff-data").getByTestId("diff-row-added");
    await expect(added).toHaveCount(1);
    await expect(added).toContainText(place);
  });

  await test.step("v2's PDF and DOCX carry the text, the data, the footnote and right-to-left paragraphs", async () => {
    await visitor.goto(`${publication}/v/2`);
    const pdf = await pdfText(await download(visitor, "export-pdf"));
    expect(pdf.text).toContain("Two more ambushes followed.");
    expect(pdf.text).toContain(place);
    expect(hasArabicWord(pdf, "الهجمات")).toBe(true);
    const zip = await JSZip.loadAsync(await download(visitor, "export-docx"));
    const documentXml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const footnotesXml = (await zip.file("word/footnotes.xml")?.async("string")) ?? "";
    expect(documentXml).toContain("Two more ambushes followed.");
    expect(documentXml).toContain("<w:bidi/>");
    expect(documentXml).toContain(place);
    expect(footnotesXml).toContain(SOURCE);
  });

  for (const page of [editor, approver, visitor]) await page.context().close();
});

test("an Arabic brief is approved in an Arabic interface and published right to left", async ({
  browser,
}) => {
  const stamp = Date.now();
  const editor = await openAs(browser, USERS.editor);
  const briefPath = await newBrief(editor, `آفاق كايس ${stamp}`, "ar");
  await editor.getByTestId("editor").click();
  await editor.keyboard.type("هاجم مسلحون قافلة تجارية قرب نيورو. ");
  await editor.getByTestId("cite-button").click();
  await editor.getByTestId("citation-search").fill(SOURCE);
  await editor.getByTestId("citation-option").filter({ hasText: SOURCE }).first().click();
  await expect(editor.getByTestId("editor").getByTestId("citation-marker")).toHaveText("1");
  await collabReady(editor);
  await editor.getByTestId("workflow-submit").click();
  await expect(status(editor)).toHaveAttribute("data-status", "IN_REVIEW");

  // The admin (an approver too) works in Arabic; the review panel follows the interface.
  const admin = await openAs(browser, USERS.admin, briefPath);
  await admin.getByTestId("language-switcher").selectOption("ar");
  await expect(admin.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(admin.getByTestId("review-panel")).toContainText("المراجعة");
  const publication = await approveAndPublish(admin, true);

  const visitor = await openAs(browser);
  expect((await visitor.goto(`${publication}/v/1`))?.status()).toBe(200);
  await expect(visitor.getByTestId("reader-title")).toHaveAttribute("dir", "rtl");
  const body = visitor.getByTestId("reader-body");
  await expect(body).toHaveAttribute("dir", "rtl");
  await expect(body.locator("p", { hasText: "قافلة تجارية" })).toHaveAttribute("dir", "rtl");
  await expect(body.locator(".footnotes li.footnote")).toHaveCount(1);

  const pdf = await pdfText(await download(visitor, "export-pdf"));
  expect(hasArabicWord(pdf, "قافلة")).toBe(true);
  const zip = await JSZip.loadAsync(await download(visitor, "export-docx"));
  const documentXml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  expect(documentXml).toContain("<w:bidi/>");
  expect(documentXml).toContain("قافلة تجارية");
  expect((await zip.file("word/footnotes.xml")?.async("string")) ?? "").toContain(SOURCE);

  for (const page of [editor, admin, visitor]) await page.context().close();
});
