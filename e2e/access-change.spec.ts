import { expect, test } from "@playwright/test";
import { collabReady, newBrief, newMember, openAs, USERS, WORKSPACE } from "./helpers";

test("an analyst demoted, then removed, while writing sees it at once and can no longer write", async ({
  browser,
}) => {
  const analyst = await newMember(browser, "EDITOR");
  const path = await newBrief(analyst.page, `Access change ${Date.now()}`);
  const editor = analyst.page.getByTestId("editor");
  await editor.click();
  await analyst.page.keyboard.type("Written as an editor.");
  await collabReady(analyst.page);

  const admin = await openAs(browser, USERS.admin);
  await admin.goto(`${WORKSPACE}/members`);
  const row = admin.getByTestId(`member-${analyst.email}`);

  // Demoted to viewer: the open editor turns read-only and says why; nothing typed is kept.
  await row.locator("select").selectOption("VIEWER");
  await expect(analyst.page.getByTestId("role-changed")).toContainText(
    "you can read this brief but no longer edit it",
  );
  await expect(editor).toHaveAttribute("contenteditable", "false");
  await expect(editor).toHaveAttribute("aria-readonly", "true");
  await expect(analyst.page.getByTestId("read-only-marker")).toBeVisible();
  await editor.click();
  await analyst.page.keyboard.type("typed as a viewer");
  await expect(editor).not.toContainText("typed as a viewer");

  // An editor of the workspace still sees the analyst's text, and only that.
  const colleague = await openAs(browser, USERS.editor, path);
  await expect(colleague.getByTestId("editor")).toContainText("Written as an editor.");

  // Removed: the connection ends with a message saying so.
  admin.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button").click();
  await expect(analyst.page.getByTestId("access-ended")).toContainText(
    "An admin removed you from this workspace",
  );
  await expect(analyst.page.getByTestId("connection-status")).toHaveAttribute(
    "data-state",
    "denied",
  );

  for (const page of [analyst.page, admin, colleague]) await page.context().close();
});
