import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USERS, WORKSPACE, newMember, openAs, signInThroughForm } from "./helpers";

test.describe("sign-in", () => {
  for (const [role, email] of Object.entries(USERS)) {
    test(`the demo ${role} signs in and sees the Western Mali desk`, async ({ page }) => {
      await signInThroughForm(page, email);
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

  test("'Sign out everywhere' ends the account's sessions in every browser", async ({
    browser,
  }) => {
    // An account of its own: the other journeys share the demo users' saved sessions.
    const { email, password, page: laptop } = await newMember(browser, "VIEWER");
    const phone = await openAs(browser);
    try {
      await signInThroughForm(phone, email, password);
      // A browser that signed in is remembered for throttling (its own failure count).
      const cookies = await phone.context().cookies();
      expect(cookies.find((c) => c.name === "briefroom-device")).toMatchObject({ httpOnly: true });
      await phone.goto(WORKSPACE);
      await expect(phone.getByTestId("brief-table")).toBeVisible();

      await laptop.goto(WORKSPACE);
      await laptop.getByTestId("sign-out-everywhere").click();
      await expect(laptop).toHaveURL(/\/signin/);

      // The other browser still holds its cookie, which no longer opens anything.
      await phone.goto(WORKSPACE);
      await expect(phone).toHaveURL(/\/signin\?callbackUrl=/);
      // Route handlers agree: no collab token for the old session.
      const token = await phone.request.post(
        "/api/briefs/00000000-0000-4000-8000-000000000000/collab-token",
        { headers: { origin: new URL(phone.url()).origin, "sec-fetch-site": "same-origin" } },
      );
      expect(token.status()).toBe(401);

      await signInThroughForm(phone, email, password);
      await phone.goto(WORKSPACE);
      await expect(phone.getByTestId("brief-table")).toBeVisible();
    } finally {
      await laptop.context().close();
      await phone.context().close();
    }
  });

  test("signed-out visitors are sent to sign-in and come back afterwards", async ({ page }) => {
    await page.goto(`${WORKSPACE}/members`);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  });
});
