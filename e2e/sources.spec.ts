import { expect, test, type Page } from "@playwright/test";
import { openAs, USERS, WORKSPACE } from "./helpers";

/** Opens the picker from the toolbar, finds the source and inserts a citation at the caret. */
async function cite(
  page: Page,
  title: string,
  locator?: string,
  extra: { prefix?: string; suffix?: string } = {},
) {
  await page.getByTestId("cite-button").click();
  await page.getByTestId("citation-search").fill(title);
  if (locator) await page.getByTestId("citation-locator").fill(locator);
  if (extra.prefix) await page.getByTestId("citation-prefix").fill(extra.prefix);
  if (extra.suffix) await page.getByTestId("citation-suffix").fill(extra.suffix);
  await page.getByTestId("citation-option").filter({ hasText: title }).first().click();
}

const markers = (page: Page) => page.getByTestId("editor").getByTestId("citation-marker");

test("an editor adds a source, cites it twice; a co-editor sees footnotes renumber when a citation is inserted before", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const title = `Rapport Kayes ${stamp}`;
  const editor = await openAs(browser, USERS.editor);

  // Add a source by hand.
  await editor.goto(`${WORKSPACE}/sources/new`);
  await editor.locator('input[name="title"]').fill(title);
  await editor.locator('input[name="issued"]').fill("2024-05");
  await editor.locator('select[name="reliability"]').selectOption("B");
  await editor.locator('select[name="credibility"]').selectOption("2");
  await editor.locator('input[name="url"]').fill("javascript:alert(1)");
  await editor.getByTestId("source-form").locator('button[type="submit"]').click();
  await expect(editor.getByTestId("form-error")).toBeVisible();
  await editor.locator('input[name="url"]').fill(`https://example.org/kayes-${stamp}`);
  await editor.getByTestId("source-form").locator('button[type="submit"]').click();
  await expect(editor.getByTestId("source-title")).toHaveText(title);
  await expect(editor.getByTestId("source-grade")).toHaveText("B2");

  // A new brief; cite the source twice.
  await editor.goto(WORKSPACE);
  await editor.getByTestId("create-brief").locator("summary").click();
  await editor.locator('input[name="title"]').fill(`Citations ${stamp}`);
  await editor.getByTestId("create-brief").locator('button[type="submit"]').click();
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  const path = new URL(editor.url()).pathname;
  await editor.getByTestId("editor").click();
  await editor.keyboard.type("Attacks rose sevenfold");
  await cite(editor, title, "12");
  await editor.keyboard.type(" and spread west");
  await cite(editor, title, undefined, { prefix: "Voir", suffix: "sur Nioro" });
  await expect(markers(editor)).toHaveText(["1", "2"]);
  await expect(editor.getByTestId("footnote").nth(1)).toContainText("Voir");
  await expect(editor.getByTestId("footnote").nth(1)).toContainText("sur Nioro");
  await expect(editor.getByTestId("footnote")).toHaveCount(2);
  await expect(editor.getByTestId("footnote").first()).toContainText(title);
  await expect(editor.getByTestId("footnote").first()).toContainText(/\b12\b/);
  await expect(editor.getByTestId("bibliography")).toContainText(title);

  // The approver opens the same brief and sees the same two footnotes.
  const approver = await openAs(browser, USERS.approver);
  await approver.goto(path);
  await expect(markers(approver)).toHaveText(["1", "2"]);
  await expect(approver.getByTestId("footnote")).toHaveCount(2);

  // The editor inserts a citation at the very start: everyone's numbers shift to 1, 2, 3.
  await editor.getByTestId("editor").click();
  await editor.keyboard.press("Control+Home");
  await editor.keyboard.type("Since 2021");
  await editor.keyboard.type("[@");
  await editor.keyboard.type(title.slice(0, 12));
  await expect(editor.getByTestId("citation-option").first()).toBeVisible();
  await editor.keyboard.press("Enter");
  await expect(markers(editor)).toHaveText(["1", "2", "3"]);
  await expect(markers(approver)).toHaveText(["1", "2", "3"]);
  await expect(approver.getByTestId("footnote")).toHaveCount(3);
  // The first footnote is now the new citation (no locator); the old first one (p. 12) is 2.
  // (\b: the random number in the title may contain "12" too.)
  await expect(approver.getByTestId("footnote").nth(1)).toContainText(/\b12\b/);
  await expect(approver.getByTestId("footnote").first()).not.toContainText(/\b12\b/);
  await expect(approver.getByTestId("editor")).not.toContainText("[@");

  // The citation style lives in the shared document: the approver's bibliography switches
  // to APA and back as soon as the editor picks it, without a reload.
  await expect(approver.getByTestId("bibliography")).toHaveAttribute(
    "data-style",
    "chicago-note-bibliography",
  );
  await editor.getByTestId("citation-style").selectOption("apa");
  await expect(approver.getByTestId("citation-style")).toHaveValue("apa");
  await expect(approver.getByTestId("bibliography")).toHaveAttribute("data-style", "apa");
  await expect(approver.getByTestId("footnote").first()).toContainText("(");
  await editor.getByTestId("citation-style").selectOption("chicago-note-bibliography");
  await expect(approver.getByTestId("bibliography")).toHaveAttribute(
    "data-style",
    "chicago-note-bibliography",
  );

  // Hovering a marker shows the full reference, the grade and a link to the source.
  await markers(approver).nth(1).hover();
  const approverCard = approver.getByTestId("citation-card");
  await expect(approverCard).toBeVisible();
  await expect(approverCard).toContainText(title);
  await expect(approverCard.getByTestId("source-grade")).toHaveText("B2");
  await expect(approverCard.getByTestId("citation-card-link")).toHaveAttribute(
    "href",
    /\/sources\/[0-9a-f-]{36}$/,
  );
  await approver.mouse.move(1, 1);
  await expect(approverCard).toBeHidden();

  // Keyboard: the marker is focusable, Enter opens its card, Escape closes it.
  await markers(editor).first().focus();
  await editor.keyboard.press("Enter");
  const editorCard = editor.getByTestId("citation-card");
  await expect(editorCard).toHaveAttribute("data-pinned", "true");
  await expect(editorCard.getByTestId("source-grade")).toHaveText("B2");
  await editor.keyboard.press("Escape");
  await expect(editorCard).toBeHidden();

  // Click → edit the locator, prefix and suffix of an existing citation; everyone sees it.
  await markers(editor).first().click();
  await expect(editorCard).toHaveAttribute("data-pinned", "true");
  await editorCard.getByTestId("citation-edit-prefix").fill("Cf.");
  await editorCard.getByTestId("citation-edit-locator").fill("47");
  await editorCard.getByTestId("citation-edit-suffix").fill("entretien");
  await editorCard.getByTestId("citation-edit-save").click();
  await expect(editorCard).toBeHidden();
  await expect(approver.getByTestId("footnote").first()).toContainText("Cf.");
  await expect(approver.getByTestId("footnote").first()).toContainText(/\b47\b/);
  await expect(approver.getByTestId("footnote").first()).toContainText("entretien");

  // …or remove it: the others renumber.
  await markers(editor).first().click();
  await editorCard.getByTestId("citation-remove").click();
  await expect(markers(editor)).toHaveText(["1", "2"]);
  await expect(markers(approver)).toHaveText(["1", "2"]);
  await expect(approver.getByTestId("footnote").first()).toContainText(/\b12\b/);

  // A cited source cannot be deleted; the refusal names the brief.
  await editor.goto(`${WORKSPACE}/sources?q=${encodeURIComponent(title)}`);
  const detail = await editor
    .getByTestId("source-row")
    .getByRole("link", { name: title })
    .getAttribute("href");
  await approver.context().close();
  await editor.goto(detail!);
  // The collab server stores the document's JSON shortly after the edit.
  await expect
    .poll(
      async () => {
        await editor.reload();
        return editor.getByTestId("citing-briefs").textContent();
      },
      { timeout: 45_000 },
    )
    .toContain(`Citations ${stamp}`);
  editor.once("dialog", (dialog) => void dialog.accept());
  await editor.getByTestId("delete-source").click();
  await expect(editor.getByTestId("form-error")).toContainText(`Citations ${stamp}`);

  await editor.context().close();
});

test("importing the same CSL-JSON twice creates no duplicates", async ({ browser }) => {
  const stamp = Date.now();
  const csl = JSON.stringify([
    {
      id: "a",
      type: "report",
      title: `Sécurité à Nioro ${stamp}`,
      issued: { "date-parts": [[2024, 3]] },
      author: [{ literal: "Timbuktu Institute" }],
    },
    {
      id: "b",
      type: "article-newspaper",
      title: `هجمات في كايس ${stamp}`,
      "container-title": "صحيفة",
      issued: { "date-parts": [[2025]] },
      language: "ar",
    },
    { id: "c", type: "webpage", title: "Trap", URL: "javascript:alert(1)" },
  ]);
  const page = await openAs(browser, USERS.editor);
  const runImport = async () => {
    await page.goto(`${WORKSPACE}/sources/import`);
    await page.locator('textarea[name="content"]').fill(csl);
    await page.getByTestId("import-preview").click();
    await expect(page.getByTestId("import-entry")).toHaveCount(3);
  };
  await runImport();
  await expect(page.getByTestId("import-entry").nth(0)).toHaveAttribute("data-status", "new");
  await expect(page.getByTestId("import-entry").nth(2)).toHaveAttribute("data-status", "error");
  await page.getByTestId("import-commit").click();
  await expect(page.getByTestId("import-done")).toBeVisible();

  await runImport();
  await expect(page.getByTestId("import-entry").nth(0)).toHaveAttribute("data-status", "duplicate");
  await expect(page.getByTestId("import-entry").nth(1)).toHaveAttribute("data-status", "duplicate");
  await expect(page.getByTestId("import-commit")).toBeDisabled();

  await page.goto(`${WORKSPACE}/sources?q=${stamp}`);
  await expect(page.getByTestId("source-row")).toHaveCount(2);
  await page.context().close();
});
