import { expect, test, type Page } from "@playwright/test";
import { newBrief, openAs, USERS, WORKSPACE } from "./helpers";

const SENTENCE = "Markets in Kayes reopened on Tuesday.";

/** Text of the matched elements without co-editors' caret labels (widgets inside the text). */
function textWithoutCarets(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
      return copy.textContent ?? "";
    }),
  );
}

test("an approver comments on a sentence with an @mention; the editor sees it live, replies and resolves", async ({
  browser,
}) => {
  const editor = await openAs(browser, USERS.editor);
  const path = await newBrief(editor, `Comments ${Date.now()}`);
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  await editor.getByTestId("editor").click();
  await editor.keyboard.type("Convoy delayed at the crossing.");
  await editor.keyboard.press("Enter");
  await editor.keyboard.type(SENTENCE);
  await expect(editor.getByTestId("comments-empty")).toBeVisible();

  const approver = await openAs(browser, USERS.approver, path);
  await expect(approver.getByTestId("editor")).toContainText(SENTENCE);

  // Select the second sentence and comment on it, mentioning the editor with the picker.
  await approver.getByTestId("editor").locator("p", { hasText: "Markets in Kayes" }).click();
  await approver.keyboard.press("End");
  await approver.keyboard.press("Shift+Home");
  await approver.getByTestId("comment-button").click();
  await expect(approver.getByTestId("comment-draft")).toContainText(SENTENCE);
  const input = approver.getByTestId("thread-composer-input");
  await input.pressSequentially("Source for this, @Amin");
  await expect(approver.getByTestId("mention-option")).toHaveText(["Aminata Traoré"]);
  await input.press("Enter");
  await input.pressSequentially("please?");
  await approver.getByTestId("thread-composer").locator('button[type="submit"]').click();

  const approverThread = approver.getByTestId("open-threads").getByTestId("comment-thread");
  await expect(approverThread).toHaveCount(1);
  await expect(approverThread.locator(".mention")).toHaveText("@Aminata Traoré");
  await expect.poll(() => textWithoutCarets(approver, ".comment-highlight")).toEqual([SENTENCE]);

  // The editor sees the highlight and the thread without reloading.
  const editorThread = editor.getByTestId("open-threads").getByTestId("comment-thread");
  await expect(editorThread).toHaveCount(1);
  await expect(editorThread).toContainText("Source for this, @Aminata Traoré please?");
  await expect.poll(() => textWithoutCarets(editor, ".comment-highlight")).toEqual([SENTENCE]);
  // The mention also waits for the editor on the workspace page.
  const inbox = await editor.context().newPage();
  await inbox.goto(WORKSPACE);
  await expect(inbox.getByTestId("mention-item").first()).toContainText(
    "Source for this, @Aminata Traoré please?",
  );
  await inbox.close();

  // The anchor follows the words while the editor types before them.
  await editor.getByTestId("editor").locator("p", { hasText: "Markets in Kayes" }).click();
  await editor.keyboard.press("Home");
  await editor.keyboard.type("UPDATE: ");
  await editor.getByTestId("editor").locator("p", { hasText: "Convoy" }).click();
  for (const page of [editor, approver]) {
    await expect
      .poll(() => textWithoutCarets(page, "[data-testid=editor] p"))
      .toEqual(["Convoy delayed at the crossing.", `UPDATE: ${SENTENCE}`]);
    await expect.poll(() => textWithoutCarets(page, ".comment-highlight")).toEqual([SENTENCE]);
  }

  // Clicking the highlight opens the thread; the editor replies and the approver sees it live.
  await editor.locator(".comment-highlight").click();
  await expect(editorThread).toHaveAttribute("aria-current", "true");
  await editorThread.getByTestId("reply-button").click();
  await editor.getByTestId("reply-composer-input").fill("Confirmed with the market committee.");
  await editor.getByTestId("reply-composer").locator('button[type="submit"]').click();
  await expect(approverThread.getByTestId("comment")).toHaveCount(2);
  await expect(approverThread).toContainText("Confirmed with the market committee.");
  // The editor corrects their reply; the approver sees the new text, marked edited.
  await editorThread.getByTestId("comment").nth(1).getByTestId("edit-comment").click();
  await editor
    .getByTestId("edit-composer")
    .locator("textarea")
    .fill("Confirmed by the market committee.");
  await editor.getByTestId("edit-composer").locator('button[type="submit"]').click();
  await expect(approverThread.getByTestId("comment").nth(1)).toContainText(
    "Confirmed by the market committee.",
  );
  await expect(approverThread.getByTestId("comment").nth(1)).toContainText("(edited)");

  // Resolving takes the thread out of the open list everywhere, and its highlight away.
  await editorThread.getByTestId("resolve-thread").click();
  for (const page of [editor, approver]) {
    await expect(page.getByTestId("open-threads").getByTestId("comment-thread")).toHaveCount(0);
    await expect(page.locator(".comment-highlight")).toHaveCount(0);
  }
  await approver.getByTestId("show-resolved").check();
  const resolved = approver.getByTestId("resolved-threads").getByTestId("comment-thread");
  await expect(resolved).toHaveCount(1);
  await expect(resolved.getByTestId("resolved-note")).toContainText("Aminata Traoré");

  for (const page of [editor, approver]) await page.context().close();
});

test("a viewer reads comments but cannot comment while the workspace does not allow it", async ({
  browser,
}) => {
  const viewer = await openAs(
    browser,
    USERS.viewer,
    `${WORKSPACE}/briefs/6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a02`,
  );
  await expect(viewer.getByTestId("comments-panel")).toBeVisible();
  await expect(viewer.getByTestId("comment-button")).toHaveCount(0);
  await viewer.context().close();
});

test("a viewer comments from the read-only editor once an admin allows it; threads follow the text order", async ({
  browser,
}) => {
  const admin = await openAs(browser, USERS.admin);
  const allowViewers = async (on: boolean) => {
    await admin.goto(`${WORKSPACE}/settings`);
    const form = admin.getByTestId("workspace-settings");
    await form.locator('input[name="viewersMayComment"]').setChecked(on);
    await form.locator('button[type="submit"]').click();
    await expect(admin.getByTestId("settings-saved")).toBeVisible();
  };
  const editor = await openAs(browser, USERS.editor);
  const path = await newBrief(editor, `Viewer comments ${Date.now()}`);
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  await editor.getByTestId("editor").click();
  await editor.keyboard.type("Convoy delayed at the crossing.");
  await editor.keyboard.press("Enter");
  await editor.keyboard.type(SENTENCE);

  await allowViewers(true);
  try {
    const viewer = await openAs(browser, USERS.viewer, path);
    await expect(viewer.getByTestId("editor")).toHaveAttribute("contenteditable", "false");
    // The read-only editor has no caret: select like a mouse would, with a DOM range.
    const comment = async (paragraphText: string, body: string) => {
      await viewer
        .getByTestId("editor")
        .locator("p", { hasText: paragraphText })
        .evaluate((paragraph) => {
          const range = document.createRange();
          range.selectNodeContents(paragraph);
          window.getSelection()?.removeAllRanges();
          window.getSelection()?.addRange(range);
        });
      await viewer.getByTestId("comment-button").click();
      await viewer.getByTestId("thread-composer-input").fill(body);
      await viewer.getByTestId("thread-composer").locator('button[type="submit"]').click();
      await expect(viewer.getByTestId("comment-draft")).toHaveCount(0);
    };
    // Second paragraph first, then the first: the panel lists them in document order.
    await comment("Markets in Kayes", "Which market?");
    await comment("Convoy delayed", "Which crossing?");

    for (const page of [viewer, editor]) {
      const threads = page.getByTestId("open-threads").getByTestId("comment-thread");
      await expect(threads).toHaveCount(2);
      await expect(threads.nth(0)).toContainText("Which crossing?");
      await expect(threads.nth(1)).toContainText("Which market?");
      await expect
        .poll(() => textWithoutCarets(page, ".comment-highlight"))
        .toEqual(["Convoy delayed at the crossing.", SENTENCE]);
    }
    await viewer.context().close();
  } finally {
    await allowViewers(false);
  }
  for (const page of [admin, editor]) await page.context().close();
});

test("the panel speaks the reader's language (Arabic, RTL) and sits at the end of the brief's lines", async ({
  browser,
}) => {
  // The admin's interface language is Arabic; demo brief …01 is in Arabic, …02 in English.
  const admin = await openAs(browser, USERS.admin);
  const sides: Record<string, { panel: number; document: number }> = {};
  for (const id of [
    "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a01",
    "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a02",
  ]) {
    await admin.goto(`${WORKSPACE}/briefs/${id}`);
    const panel = admin.getByTestId("comments-panel");
    await expect(panel).toHaveAttribute("dir", "rtl");
    await expect(panel.locator("h2")).toHaveText("التعليقات");
    sides[id] = {
      panel: (await panel.boundingBox())!.x,
      document: (await admin.locator(".document").boundingBox())!.x,
    };
  }
  await admin.context().close();
  const arabic = sides["6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a01"]!;
  const english = sides["6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a02"]!;
  expect(arabic.panel).toBeLessThan(arabic.document);
  expect(english.panel).toBeGreaterThan(english.document);
});
