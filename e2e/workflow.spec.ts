import { expect, test, type Page } from "@playwright/test";
import { collabReady, newBrief, openAs, USERS, WORKSPACE } from "./helpers";

// Each test creates its own brief: other spec files share the server and the database.

async function reload(page: Page) {
  await page.reload();
  await collabReady(page);
}

/** Types into the shared editor and waits until the server has acknowledged it. */
async function write(page: Page, text: string) {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  await page.getByTestId("editor").click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
  await expect(page.getByTestId("editor")).toContainText(text);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
}

function status(page: Page) {
  return page.getByTestId("workflow-status");
}

test("editor submits, approver requests changes, editor resubmits, approver approves and publishes", async ({
  browser,
}) => {
  const editor = await openAs(browser, USERS.editor);
  const path = await newBrief(editor, `Review path ${Date.now()}`);
  await write(editor, "Attacks on the Kayes–Bamako road rose sharply in March.");

  await editor.getByTestId("workflow-submit").click();
  await expect(status(editor)).toHaveAttribute("data-status", "IN_REVIEW");
  // An editor may withdraw but not decide.
  await expect(editor.getByTestId("workflow-approve")).toHaveCount(0);
  await expect(editor.getByTestId("workflow-withdraw")).toBeVisible();

  const approver = await openAs(browser, USERS.approver, path);
  await expect(status(approver)).toHaveAttribute("data-status", "IN_REVIEW");
  await approver.getByTestId("workflow-requestChanges").click();
  const form = approver.getByTestId("request-changes-form");
  await form.locator("textarea").fill("Give the source of the March figure.");
  await form.locator('button[type="submit"]').click();
  await expect(status(approver)).toHaveAttribute("data-status", "DRAFT");

  await reload(editor);
  await expect(status(editor)).toHaveAttribute("data-status", "DRAFT");
  await expect(editor.getByTestId("review-log")).toContainText(
    "Give the source of the March figure.",
  );
  await write(editor, " Source: UCDP GED 25.1.");
  await editor.getByTestId("workflow-submit").click();
  await expect(status(editor)).toHaveAttribute("data-status", "IN_REVIEW");

  await reload(approver);
  await expect(approver.getByTestId("four-eyes-note")).toHaveCount(0);
  await approver.getByTestId("workflow-approve").click();
  await expect(status(approver)).toHaveAttribute("data-status", "APPROVED");
  // A public link discloses without limit: the publisher marks the brief TLP:CLEAR first.
  await approver.getByTestId("marking-select").selectOption("CLEAR");
  await expect(approver.getByTestId("marking-control").getByTestId("tlp-label")).toHaveText(
    "TLP:CLEAR",
  );
  await approver.getByTestId("workflow-publish").click();
  const publish = approver.getByTestId("publish-form");
  await publish.locator('input[name="publicLink"]').check();
  await publish.locator('button[type="submit"]').click();
  await expect(status(approver)).toHaveAttribute("data-status", "PUBLISHED");
  await expect(approver.getByTestId("latest-version-link")).toHaveAttribute("href", /^\/p\/.+/);

  // The brief page shows the audit log to everyone, newest first.
  await reload(editor);
  const kinds = await editor
    .getByTestId("review-log-entry")
    .evaluateAll((entries) => entries.map((e) => e.getAttribute("data-kind")));
  expect(kinds).toEqual(["PUBLISH", "MARKING", "APPROVE", "SUBMIT", "REQUEST_CHANGES", "SUBMIT"]);

  // A viewer sees status and log, no buttons.
  const viewer = await openAs(browser, USERS.viewer, path);
  await expect(status(viewer)).toHaveAttribute("data-status", "PUBLISHED");
  await expect(viewer.getByTestId("review-log-entry")).toHaveCount(6);
  await expect(viewer.getByTestId("review-actions")).toHaveCount(0);
});

test("an approver who edited the draft is refused by the four-eyes rule", async ({ browser }) => {
  const editor = await openAs(browser, USERS.editor);
  const path = await newBrief(editor, `Four eyes ${Date.now()}`);
  await write(editor, "Convoy ambushed near Nioro.");

  const approver = await openAs(browser, USERS.approver, path);
  await write(approver, " Two vehicles burned.");

  await reload(editor);
  await editor.getByTestId("workflow-submit").click();
  await expect(status(editor)).toHaveAttribute("data-status", "IN_REVIEW");

  await reload(approver);
  await expect(approver.getByTestId("four-eyes-note")).toBeVisible();
  await approver.getByTestId("workflow-approve").click();
  await expect(approver.getByTestId("form-error")).toBeVisible();
  await reload(approver);
  await expect(status(approver)).toHaveAttribute("data-status", "IN_REVIEW");
});

test("admins reach the workspace settings; other roles get 'not found'", async ({ browser }) => {
  const admin = await openAs(browser, USERS.admin);
  await admin.goto(WORKSPACE);
  await admin.getByTestId("settings-link").click();
  const form = admin.getByTestId("workspace-settings");
  // The demo workspace keeps the defaults: four-eyes on. Saving them unchanged leaves the
  // other spec files' assumptions intact.
  await expect(form.locator('input[name="fourEyes"]')).toBeChecked();
  await form.locator('button[type="submit"]').click();
  await expect(admin.getByTestId("settings-saved")).toBeVisible();

  const editor = await openAs(browser, USERS.editor);
  await editor.goto(WORKSPACE);
  await expect(editor.getByTestId("settings-link")).toHaveCount(0);
  const response = await editor.goto(`${WORKSPACE}/settings`);
  expect(response?.status()).toBe(404);
});
