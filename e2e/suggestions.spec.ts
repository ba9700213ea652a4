import { expect, test, type Page } from "@playwright/test";
import { collabReady, newBrief, openAs, USERS } from "./helpers";

// Suggestion mode, two people in real Chromium: a reviewer suggests (one of them in
// Arabic), the author accepts one and rejects one, approval is refused while one is still
// pending, then succeeds, and the published version holds only the accepted change.

const SENTENCE = "The toll rose sevenfold in Gao.";
const ARABIC = " ارتفع العدد.";

async function saved(page: Page) {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
}

function card(page: Page, text: string) {
  return page.getByTestId("suggestion-card").filter({ hasText: text });
}

test("a reviewer suggests, the author accepts one and rejects one, approval waits for the last, the version has only the accepted change", async ({
  browser,
}) => {
  const author = await openAs(browser, USERS.editor);
  const path = await newBrief(author, `Suggestions ${Date.now()}`);
  await author.getByTestId("editor").click();
  await author.keyboard.type(SENTENCE);
  await saved(author);

  // The reviewer (an admin, so the approver's four-eyes rule stays clear) turns suggesting
  // on from the keyboard and sees it said.
  const reviewer = await openAs(browser, USERS.admin, path);
  const text = reviewer.getByTestId("editor");
  await expect(text).toContainText(SENTENCE);
  await text.click();
  await reviewer.keyboard.press("Control+Alt+s");
  await expect(reviewer.getByTestId("suggesting-indicator")).toBeVisible();
  await expect(reviewer.getByTestId("mode-suggesting")).toHaveAttribute("aria-pressed", "true");

  // 1: delete "The " at the start; 2: add " (×7)" after "sevenfold"; 3: add Arabic at the end.
  // Places are set as a reader's selection would be, not counted out in arrow keys: the
  // editor re-renders as suggestions appear, and the count must not depend on timing.
  await selectText(reviewer, "The ");
  await reviewer.keyboard.press("Backspace");
  await selectText(reviewer, "sevenfold", true);
  await reviewer.keyboard.type(" (×7)");
  await reviewer.keyboard.press("End");
  await reviewer.keyboard.type(ARABIC);
  await saved(reviewer);
  // Suggested text is still in the document, struck or underlined.
  await expect(text.locator("del.suggestion-deletion")).toHaveText("The ");
  await expect(reviewer.getByTestId("suggestion-card")).toHaveCount(3);
  // The reviewer's interface is in Arabic: so are the summaries.
  await expect(card(reviewer, "حذف").getByTestId("suggestion-summary")).toHaveText("حذف «The»");

  // A block-level change cannot be suggested yet: it is refused, with a notice, not applied.
  await reviewer.getByTestId("editor-toolbar").locator("select").first().selectOption("heading1");
  await expect(reviewer.getByTestId("suggestion-refused")).toBeVisible();
  await expect(text.locator("h1")).toHaveCount(0);

  // The mode is remembered for the reviewer.
  await reviewer.reload();
  await collabReady(reviewer);
  await expect(reviewer.getByTestId("mode-suggesting")).toHaveAttribute("aria-pressed", "true");

  // The author sees them live, in the reviewer's colour, with summaries in their language
  // (the demo editor reads French).
  const live = author.getByTestId("editor");
  await expect(live.locator("ins.suggestion-insertion").first()).toHaveAttribute(
    "style",
    /--suggestion-color: #[0-9a-f]{6}/,
  );
  await expect(live.locator("del.suggestion-deletion")).toHaveText("The ");
  await expect(author.getByTestId("suggestion-card")).toHaveCount(3);
  await expect(card(author, "(×7)").getByTestId("suggestion-summary")).toHaveText(
    "Ajouter « (×7) »",
  );
  await expect(card(author, "ارتفع").getByTestId("suggestion-summary")).toHaveText(
    `Ajouter « ${ARABIC.trim()} »`,
  );
  await expect(card(author, "Supprimer").getByTestId("suggestion-summary")).toHaveText(
    "Supprimer « The »",
  );

  await card(author, "(×7)").getByTestId("accept").click();
  await card(author, "ارتفع").getByTestId("reject").click();
  await expect(author.getByTestId("suggestion-card")).toHaveCount(1);
  // Each decision is one undo step.
  await live.click();
  await author.keyboard.press("Control+z");
  await expect(author.getByTestId("suggestion-card")).toHaveCount(2);
  await expect(live).toContainText("ارتفع");
  await author.keyboard.press("Control+Shift+z");
  await expect(author.getByTestId("suggestion-card")).toHaveCount(1);
  await expect(live).toContainText("The toll rose sevenfold (×7) in Gao.");
  await expect(live).not.toContainText("ارتفع");
  await saved(author);
  // The draft as Word, its pending suggestion a tracked change.
  const [download] = await Promise.all([
    author.waitForEvent("download"),
    author.getByTestId("draft-docx").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\(draft\)\.docx$/);
  await author.getByTestId("workflow-submit").click();
  await expect(author.getByTestId("workflow-status")).toHaveAttribute("data-status", "IN_REVIEW");

  // One still pending: the approver is told how many, and approving is refused.
  const approver = await openAs(browser, USERS.approver, path);
  await expect(approver.getByTestId("suggestions-pending")).toContainText("1 suggestion is");
  await approver.getByTestId("workflow-approve").click();
  await expect(approver.getByTestId("form-error")).toBeVisible();
  await approver.reload();
  await collabReady(approver);
  await expect(approver.getByTestId("workflow-status")).toHaveAttribute("data-status", "IN_REVIEW");

  // The author rejects the last one; now the approval goes through.
  await card(author, "Supprimer").getByTestId("reject").click();
  await expect(author.getByTestId("suggestion-card")).toHaveCount(0);
  await saved(author);
  await approver.reload();
  await collabReady(approver);
  await expect(approver.getByTestId("suggestions-pending")).toHaveCount(0);
  await approver.getByTestId("workflow-approve").click();
  await expect(approver.getByTestId("workflow-status")).toHaveAttribute("data-status", "APPROVED");
  await approver.getByTestId("workflow-publish").click();
  await approver.getByTestId("publish-form").locator('button[type="submit"]').click();
  await expect(approver.getByTestId("workflow-status")).toHaveAttribute("data-status", "PUBLISHED");
  await approver.getByTestId("latest-version-link").click();
  const body = approver.locator("main");
  await expect(body).toContainText("The toll rose sevenfold (×7) in Gao.");
  await expect(body).not.toContainText("ارتفع");
  await expect(body.locator("ins, del")).toHaveCount(0);
});

/** Selects `needle` in the editor's text (or puts the caret after it), then lets the editor
 * take the selection as its own. */
async function selectText(page: Page, needle: string, caretAfter = false) {
  await expect(async () => {
    await page.getByTestId("editor").evaluate(
      (root, [text, after]) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(text as string) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, after ? at + (text as string).length : at);
          range.setEnd(node, at + (text as string).length);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return;
        }
        throw new Error(`"${text as string}" is not in the editor`);
      },
      [needle, caretAfter] as const,
    );
    await page.waitForTimeout(50);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(
      caretAfter ? "" : needle,
    );
  }).toPass({ timeout: 10_000 });
}
