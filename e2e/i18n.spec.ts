import { expect, test } from "@playwright/test";
import { USERS, WORKSPACE, signIn, signInThroughForm } from "./helpers";

test("the Arabic UI is right-to-left and the choice is remembered", async ({ page }, testInfo) => {
  await signIn(page, USERS.approver);
  await page.goto(WORKSPACE);
  await page.getByTestId("language-switcher").selectOption("ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("brief-table").locator("th").first()).toHaveText("العنوان");

  // Logical CSS: in RTL the first column starts at the right edge of the table.
  const table = await page.getByTestId("brief-table").boundingBox();
  const firstHeader = await page.getByTestId("brief-table").locator("th").first().boundingBox();
  expect(
    table && firstHeader && Math.abs(table.x + table.width - (firstHeader.x + firstHeader.width)),
  ).toBeLessThan(2);
  await page.screenshot({ path: testInfo.outputPath("arabic-briefs.png"), fullPage: true });

  // Remembered for the account: a fresh browser signs in straight into Arabic.
  const other = await page.context().browser()!.newContext();
  const second = await other.newPage();
  await signInThroughForm(second, USERS.approver);
  await expect(second.locator("html")).toHaveAttribute("dir", "rtl");
  await other.close();

  await page.getByTestId("language-switcher").selectOption("fr");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

test("the Arabic brief renders right-to-left in an English UI", async ({ page }) => {
  await signIn(page, USERS.viewer);
  await page.goto(`${WORKSPACE}/briefs/6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a01`);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByTestId("brief-document")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("brief-title")).toContainText("كايس");
});
