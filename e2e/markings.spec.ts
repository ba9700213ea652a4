import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { collabReady, newBrief, openAs, USERS } from "./helpers";

function marking(page: Page) {
  return page.getByTestId("marking-control").getByTestId("tlp-label");
}

test("a brief marked TLP:AMBER+STRICT gets no public link, and its PDF carries the marking on every page", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const editor = await openAs(browser, USERS.editor);
  const path = await newBrief(editor, `Handling ${Date.now()}`);
  await expect(marking(editor)).toHaveText("TLP:AMBER");
  // A writer may mark stricter, not lower.
  const select = editor.getByTestId("marking-select");
  await expect(select.locator('option[value="GREEN"]')).toBeDisabled();
  await select.selectOption("AMBER+STRICT");
  await expect(marking(editor)).toHaveText("TLP:AMBER+STRICT");
  await expect(editor.getByTestId("brief-page").locator(".brief-head [data-tlp]")).toHaveText(
    "TLP:AMBER+STRICT",
  );

  // Enough paragraphs for the PDF to run over more than one page.
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  await editor.getByTestId("editor").click();
  for (let line = 1; line <= 45; line += 1) {
    await editor.keyboard.type(`Convoy report ${line} from the Kayes–Nioro corridor.`);
    await editor.keyboard.press("Enter");
  }
  await expect(editor.getByTestId("editor")).toContainText("Convoy report 45");
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  await editor.getByTestId("workflow-submit").click();
  await expect(editor.getByTestId("workflow-status")).toHaveAttribute("data-status", "IN_REVIEW");

  const approver = await openAs(browser, USERS.approver, path);
  await approver.getByTestId("workflow-approve").click();
  await expect(approver.getByTestId("workflow-status")).toHaveAttribute("data-status", "APPROVED");
  await approver.getByTestId("workflow-publish").click();
  const form = approver.getByTestId("publish-form");
  await expect(form.locator('input[name="publicLink"]')).toBeDisabled();
  await expect(form.getByTestId("public-link-needs-clear")).toContainText("TLP:CLEAR");
  await form.locator('button[type="submit"]').click();
  await expect(approver.getByTestId("workflow-status")).toHaveAttribute("data-status", "PUBLISHED");
  await expect(approver.getByTestId("toggle-visibility")).toBeDisabled();
  await expect(
    approver.locator('[data-testid="review-log-entry"][data-kind="MARKING"]'),
  ).toContainText("TLP:AMBER+STRICT");

  await approver.getByTestId("latest-version-link").click();
  await expect(approver.getByTestId("reader-marking").getByTestId("tlp-label")).toHaveText(
    "TLP:AMBER+STRICT",
  );
  const [download] = await Promise.all([
    approver.waitForEvent("download"),
    approver.getByTestId("export-pdf").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-v1-TLP-AMBER-STRICT\.pdf$/);
  const pdf = await getDocumentProxy(new Uint8Array(await readFile((await download.path())!)));
  const { text: pages, totalPages } = await extractText(pdf, { mergePages: false });
  expect(totalPages).toBeGreaterThan(1);
  for (const page of pages) {
    // Header and footer of each page.
    expect(page.split("TLP:AMBER+STRICT").length - 1).toBeGreaterThanOrEqual(2);
  }
  await editor.close();
  await approver.close();
});

test("an editor cannot lower a marking an approver set", async ({ browser }) => {
  const approver = await openAs(browser, USERS.approver);
  const path = await newBrief(approver, `Handling refusal ${Date.now()}`);
  await collabReady(approver);
  await approver.getByTestId("marking-select").selectOption("RED");
  await expect(marking(approver)).toHaveText("TLP:RED");
  // An editor opening it may not lower the marking: those options are disabled.
  const editor = await openAs(browser, USERS.editor, path);
  for (const lower of ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT"]) {
    await expect(
      editor.locator(`[data-testid="marking-select"] option[value="${lower}"]`),
    ).toBeDisabled();
  }
  await approver.close();
  await editor.close();
});
