import { expect, test } from "@playwright/test";
import { USERS, WORKSPACE, signIn } from "./helpers";

test("an admin invites an analyst, who joins through the link and can write", async ({
  page,
  browser,
}) => {
  await signIn(page, USERS.admin);
  await page.goto(`${WORKSPACE}/members`);
  const email = `analyst-${Date.now()}@briefroom.test`;
  await page.locator('input[name="email"]').fill(email);
  await page.locator('select[name="role"]').selectOption("EDITOR");
  await page.locator('form button[type="submit"]').click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  await expect(page.getByTestId("pending-invitations")).toContainText(email);

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(new URL(link).pathname);
  await invitee.locator('input[name="name"]').fill("Oumar Sissoko");
  await invitee.locator('input[name="password"]').fill("short");
  await invitee.locator('button[type="submit"]').click();
  // The browser's own minLength check or our message: either way, no account yet.
  await expect(invitee).toHaveURL(/\/invite\//);
  await invitee.locator('input[name="password"]').fill("a-long-enough-password");
  await invitee.locator('button[type="submit"]').click();
  await expect(invitee).toHaveURL(new RegExp(`${WORKSPACE}$`));
  await expect(invitee.getByTestId("create-brief")).toBeVisible();

  // The link works once.
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByTestId("invitation-error")).toContainText("already used");
  await context.close();

  await page.reload();
  await expect(page.getByTestId(`member-${email}`)).toBeVisible();
});

test("a made-up invitation link is refused with a clear message", async ({ page }) => {
  await page.goto("/invite/not-a-real-token");
  await expect(page.getByTestId("invitation-error")).toContainText("not valid");
});
