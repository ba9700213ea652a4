import { expect, test, type Page } from "@playwright/test";
import { newBrief, openAs, USERS, WORKSPACE } from "./helpers";

/** The history page, reloaded until a snapshot containing `text` is listed. */
async function snapshotWith(page: Page, path: string, text: string, reason?: string) {
  await page.goto(`${path}/history`);
  const item = page
    .getByTestId("snapshot")
    .filter({ hasText: text })
    .and(page.locator(reason ? `[data-reason="${reason}"]` : "li"));
  await expect
    .poll(
      async () => {
        if ((await item.count()) > 0) return true;
        await page.reload();
        return false;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return item.first();
}

test("the draft history snapshots an editing session, restores it live for a co-editor, and compares", async ({
  browser,
}) => {
  const editor = await openAs(browser, USERS.editor);
  const path = await newBrief(editor, `History ${Date.now()}`);
  const body = editor.getByTestId("editor");
  await body.click();
  await editor.keyboard.type("Roads to Kayes are open.");
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");

  // Leaving the brief ends the editing session: a SESSION snapshot appears, with its author.
  await editor.getByTestId("history-link").click();
  const first = await snapshotWith(editor, path, "Roads to Kayes are open.", "SESSION");
  await expect(first).toContainText("Aminata Traoré");
  await first.getByTestId("view-snapshot").click();
  await expect(editor.getByTestId("snapshot-body")).toContainText("Roads to Kayes are open.");

  // New text, while a co-editor has the brief open.
  await editor.goto(path);
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  await body.click();
  await editor.keyboard.press("ControlOrMeta+a");
  await editor.keyboard.type("Roads to Kayes are closed by flooding.");
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  const coEditor = await openAs(browser, USERS.approver, path);
  await expect(coEditor.getByTestId("editor")).toContainText("closed by flooding");

  // Restore the first snapshot: the co-editor receives it live, without reloading.
  await editor.goto(`${path}/history`);
  await editor
    .getByTestId("snapshot")
    .filter({ hasText: "Roads to Kayes are open." })
    .getByTestId("restore-link")
    .click();
  await expect(editor.getByTestId("restore-status")).toHaveAttribute("data-state", "restored");
  await expect(editor).not.toHaveURL(/restore=/);
  await expect(body).toContainText("Roads to Kayes are open.");
  await expect(coEditor.getByTestId("editor")).toContainText("Roads to Kayes are open.");
  await expect(coEditor.getByTestId("editor")).not.toContainText("closed by flooding");

  // The draft before the restore is kept, and compare shows what the restore changed.
  const before = await snapshotWith(editor, path, "closed by flooding", "BEFORE_RESTORE");
  await before.getByTestId("compare-snapshot").click();
  await expect(editor.getByTestId("compare-page")).toBeVisible();
  const text = editor.getByTestId("diff-text");
  await expect(text.locator("del")).toContainText(["closed"]);
  await expect(text.locator("ins")).toContainText(["open"]);
  await expect(editor.getByTestId("compare-text-count")).toHaveText("1");
  await expect(editor.getByTestId("compare-data").locator(".empty")).toBeVisible();

  // A viewer cannot open the draft history.
  const viewer = await openAs(browser, USERS.viewer);
  const response = await viewer.goto(`${path}/history`);
  expect(response?.status()).toBe(404);

  for (const page of [editor, coEditor, viewer]) await page.context().close();
});

test("compare opens on the published Arabic brief; viewers may compare versions but not the draft", async ({
  browser,
}) => {
  const arabic = `${WORKSPACE}/briefs/6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a01`;
  const editor = await openAs(browser, USERS.editor);
  await editor.goto(`${arabic}/compare`);
  await expect(editor.getByTestId("compare-from")).toHaveValue("v1");
  await expect(editor.getByTestId("compare-to")).toHaveValue("draft");
  for (const section of ["compare-text", "compare-citations", "compare-data"])
    await expect(editor.getByTestId(section)).toBeVisible();

  const viewer = await openAs(browser, USERS.viewer);
  await viewer.goto(`${arabic}/compare`);
  await expect(viewer.getByTestId("compare-to")).toHaveValue("v1");
  await expect(viewer.getByTestId("compare-to").locator('option[value="draft"]')).toHaveCount(0);
  const refused = await viewer.goto(`${arabic}/compare?from=v1&to=draft`);
  expect(refused?.status()).toBe(404);

  for (const page of [editor, viewer]) await page.context().close();
});
