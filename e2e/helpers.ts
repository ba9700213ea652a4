import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "briefroom-demo";
export const USERS = {
  editor: "editor@briefroom.test",
  approver: "approver@briefroom.test",
  viewer: "viewer@briefroom.test",
  admin: "admin@briefroom.test",
} as const;
export type DemoRole = keyof typeof USERS;
export type DemoEmail = (typeof USERS)[DemoRole];
export const WORKSPACE = "/w/western-mali";

/**
 * Where e2e/auth.setup.ts keeps each demo user's signed-in browser (cookies), written anew at
 * the start of every run: each run has its own database and session secret, so a file from an
 * earlier run would only hold a session nobody accepts. One folder per server port (the
 * default is playwright.config.ts's), so two runs in one checkout keep their sessions apart.
 */
const AUTH_DIR = path.join(__dirname, "..", ".tmp", "e2e-auth", process.env.E2E_PORT ?? "3107");

/** The saved browser state of a demo user signed in once by the setup project. */
export function storageStateOf(email: DemoEmail): string {
  const role = (Object.keys(USERS) as DemoRole[]).find((key) => USERS[key] === email);
  if (!role) throw new Error(`${email} is not a demo user: sign in with signInThroughForm`);
  return path.join(AUTH_DIR, `${role}.json`);
}

/** Signs in through the real form and waits for the workspace list. */
export async function signInThroughForm(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto("/signin");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/w$/);
}

/**
 * Signs `page`'s browser in as a demo user with the session the setup project saved (its
 * cookies: session, language, known device), without opening a page. The journeys share these
 * sessions, so a journey that ends every session of an account (signing out everywhere,
 * changing the password) must do it to an account of its own, never to a demo user.
 */
export async function signIn(page: Page, email: DemoEmail): Promise<void> {
  const state = JSON.parse(readFileSync(storageStateOf(email), "utf8")) as {
    cookies: Parameters<BrowserContext["addCookies"]>[0];
  };
  await page.context().addCookies(state.cookies);
}

/** Waits until the page's collab session is connected and has nothing unsaved. */
export async function collabReady(page: Page): Promise<void> {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
}

/**
 * Another person: a fresh browser context (own cookies and local storage), signed in as the
 * demo user `email` (a visitor when omitted), on `path` when given, with its collab session
 * ready.
 */
export async function openAs(browser: Browser, email?: DemoEmail, path?: string): Promise<Page> {
  const context = await browser.newContext({
    acceptDownloads: true,
    storageState: email ? storageStateOf(email) : undefined,
  });
  const page = await context.newPage();
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

/**
 * A member of the demo workspace with an account of its own: invited by the demo admin, joined
 * through the link, which leaves `page` signed in. For journeys that end every session of an
 * account (signing out everywhere, a new password), so that the demo users' saved sessions
 * outlive them.
 */
export async function newMember(
  browser: Browser,
  role: "VIEWER" | "EDITOR" | "APPROVER" | "ADMIN",
): Promise<{ email: string; password: string; page: Page }> {
  const email = `member-${Date.now()}-${Math.floor(Math.random() * 1e6)}@briefroom.test`;
  const password = `own-password-${Math.random().toString(36).slice(2)}`;
  const admin = await openAs(browser, USERS.admin);
  await admin.goto(`${WORKSPACE}/members`);
  await admin.locator('input[name="email"]').fill(email);
  await admin.locator('select[name="role"]').selectOption(role);
  await admin.locator('form button[type="submit"]').click();
  const link = (await admin.getByTestId("invitation-link").textContent())!.trim();
  await admin.context().close();

  const page = await openAs(browser);
  await page.goto(new URL(link).pathname);
  await page.locator('input[name="name"]').fill("Awa Traoré");
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`${WORKSPACE}$`));
  return { email, password, page };
}
