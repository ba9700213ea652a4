import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "briefroom-demo";
export const USERS = {
  editor: "editor@briefroom.test",
  approver: "approver@briefroom.test",
  viewer: "viewer@briefroom.test",
  admin: "admin@briefroom.test",
} as const;
export const WORKSPACE = "/w/western-mali";

/** Signs in through the real form and waits for the workspace list. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/w$/);
}
