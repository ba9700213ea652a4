import { expect, test, type Page } from "@playwright/test";
import { newBrief, openAs, USERS } from "./helpers";

test("an editor and an approver co-write, see each other's text and carets, in English and Arabic", async ({
  browser,
}) => {
  const editor = await openAs(browser, USERS.editor);
  const path = await newBrief(editor, `Co-writing ${Date.now()}`);
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  const approver = await openAs(browser, USERS.approver, path);

  await editor.getByTestId("editor").click();
  await editor.keyboard.type("Attacks on the Kayes–Bamako road rose sharply.");
  await expect(approver.getByTestId("editor")).toContainText(
    "Attacks on the Kayes–Bamako road rose sharply.",
  );

  // Click into the English sentence itself, then go to its end and start a new paragraph.
  await approver.getByTestId("editor").locator("p", { hasText: "Attacks on" }).click();
  await approver.keyboard.press("End");
  await approver.keyboard.press("Enter");
  await expect(approver.getByTestId("editor").locator("p")).toHaveCount(2);
  await approver.keyboard.type("تضاعفت الهجمات سبع مرات بين 2021 و2024.");
  const arabic = editor.getByTestId("editor").locator("p", { hasText: "تضاعفت الهجمات" });
  await expect(arabic).toBeVisible();
  expect(await arabic.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  const english = editor.getByTestId("editor").locator("p", { hasText: "Attacks on" });
  expect(await english.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");

  // Carets carry names; presence lists both people.
  await expect(
    editor.locator(".collaboration-carets__label", { hasText: "Moussa Diallo" }),
  ).toBeVisible();
  await expect(
    approver.locator(".collaboration-carets__label", { hasText: "Aminata Traoré" }),
  ).toBeVisible();
  await expect(editor.getByTestId("presence-list")).toContainText("Moussa Diallo");

  // A reload reads the stored document back from the server.
  await approver.reload();
  await expect(approver.getByTestId("editor")).toContainText("تضاعفت الهجمات سبع مرات");

  // The viewer sees the text, cannot type, and sees the read-only marker.
  const viewer = await openAs(browser, USERS.viewer, path);
  await expect(viewer.getByTestId("read-only-marker")).toBeVisible();
  await expect(viewer.getByTestId("editor")).toContainText("Attacks on the Kayes–Bamako road");
  await expect(viewer.getByTestId("editor")).toHaveAttribute("contenteditable", "false");
  await viewer.getByTestId("editor").click();
  await viewer.keyboard.type("viewer was here");
  await expect(viewer.getByTestId("editor")).not.toContainText("viewer was here");
  await expect(editor.getByTestId("editor")).not.toContainText("viewer was here");

  for (const page of [editor, approver, viewer]) await page.context().close();
});

test("a co-editor who goes offline keeps typing and converges on reconnect", async ({
  browser,
}) => {
  const editor = await openAs(browser, USERS.editor);
  const path = await newBrief(editor, `Offline ${Date.now()}`, "fr");
  const approver = await openAs(browser, USERS.approver, path);

  await approver.context().setOffline(true);
  await approver.getByTestId("editor").click();
  await approver.keyboard.type("Rédigé hors ligne à Kayes.");
  await editor.getByTestId("editor").click();
  await editor.keyboard.type("Écrit en ligne. ");
  await expect(approver.getByTestId("connection-status")).toHaveAttribute(
    "data-state",
    /offline|reconnecting/,
  );
  await expect(editor.getByTestId("editor")).not.toContainText("Rédigé hors ligne");

  await approver.context().setOffline(false);
  await expect(editor.getByTestId("editor")).toContainText("Rédigé hors ligne à Kayes.", {
    timeout: 30_000,
  });
  await expect(approver.getByTestId("editor")).toContainText("Écrit en ligne.");
  await expect(approver.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  // Same document on both sides, comparing the text without the other person's caret label.
  const text = (page: Page) =>
    page.getByTestId("editor").evaluate((root) => {
      const copy = root.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
      return copy.textContent;
    });
  await expect.poll(async () => (await text(editor)) === (await text(approver))).toBe(true);
  expect(await text(editor)).toContain("Rédigé hors ligne à Kayes.");

  for (const page of [editor, approver]) await page.context().close();
});
