import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USERS, WORKSPACE, signIn } from "./helpers";

test.describe("sign-in", () => {
  for (const [role, email] of Object.entries(USERS)) {
    test(`the demo ${role} signs in and sees the Western Mali desk`, async ({ page }) => {
      await signIn(page, email);
      await expect(page.getByTestId("workspace-list")).toContainText("Western Mali desk");
      await page.goto(WORKSPACE);
      await expect(page.getByTestId("brief-table")).toBeVisible();
    });
  }

  test("a wrong password shows an error and does not sign in", async ({ page }) => {
    await page.goto("/signin");
    await page.locator('input[name="email"]').fill(USERS.editor);
    await page.locator('input[name="password"]').fill(`${DEMO_PASSWORD}-wrong`);
    await page.locator('button[type="submit"]').click();
    await expect(page.getByTestId("signin-error")).toHaveText("Wrong email or password.");
    await page.goto(WORKSPACE);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  });

  test("signed-out visitors are sent to sign-in and come back afterwards", async ({ page }) => {
    await page.goto(`${WORKSPACE}/members`);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  });
});
