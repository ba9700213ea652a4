import { expect, type Browser, type Page } from "@playwright/test";

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

/** Waits until the page's collab session is connected and has nothing unsaved. */
export async function collabReady(page: Page): Promise<void> {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
}

/**
 * Another person: a fresh browser context (own cookies and local storage), signed in as
 * `email` (a visitor when omitted), on `path` when given, with its collab session ready.
 */
export async function openAs(browser: Browser, email?: string, path?: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  if (email) await signIn(page, email);
  if (path) {
    await page.goto(path);
    await collabReady(page);
  }
  return page;
}

/** Creates a brief through the workspace page; returns its path once the editor is ready. */
export async function newBrief(page: Page, title: string, language = "en"): Promise<string> {
  await page.goto(WORKSPACE);
  await page.getByTestId("create-brief").locator("summary").click();
  await page.locator('input[name="title"]').fill(title);
  await page.locator('select[name="language"]').selectOption(language);
  await page.getByTestId("create-brief").locator('button[type="submit"]').click();
  await expect(page.getByTestId("brief-title")).toHaveText(title);
  await collabReady(page);
  return new URL(page.url()).pathname;
}
