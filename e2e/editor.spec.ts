import { expect, test } from "@playwright/test";
import { failOnCspViolations } from "./csp";
import { USERS, WORKSPACE, signIn } from "./helpers";

failOnCspViolations(test);

test("the editor formats text, inserts blocks from the slash menu and refuses javascript: links", async ({
  page,
}) => {
  await signIn(page, USERS.editor);
  await page.goto(WORKSPACE);
  await page.getByTestId("create-brief").locator("summary").click();
  await page.locator('input[name="title"]').fill(`Formatting ${Date.now()}`);
  await page.getByTestId("create-brief").locator('button[type="submit"]').click();
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  const editor = page.getByTestId("editor");

  await editor.click();
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type("Kayes");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type(" region");
  await expect(editor.locator("strong")).toHaveText("Kayes");

  // Link: javascript: is refused with a message, https is accepted.
  await page.keyboard.press("Shift+Home");
  const answers = ["javascript:alert(document.cookie)", "https://timbuktu-institute.org/report"];
  const seen: string[] = [];
  page.on("dialog", async (dialog) => {
    seen.push(dialog.type());
    if (dialog.type() === "prompt") await dialog.accept(answers.shift());
    else await dialog.accept();
  });
  await page.keyboard.press("ControlOrMeta+k");
  await expect.poll(() => seen).toEqual(["prompt", "alert"]);
  await expect(editor.locator("a")).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+k");
  await expect(editor.locator("a")).toHaveAttribute(
    "href",
    "https://timbuktu-institute.org/report",
  );

  // Slash menu: "/" at the start of an empty block, filter, Enter inserts.
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("/");
  await expect(page.getByTestId("slash-menu")).toBeVisible();
  await page.keyboard.type("table");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("slash-menu")).toHaveCount(0);
  await expect(editor.locator("table")).toBeVisible();
  await expect(editor).not.toContainText("/table");

  // Undo goes through Yjs: the table disappears.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(editor.locator("table")).toHaveCount(0);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
});
