import { expect, test } from "@playwright/test";
import { USERS, WORKSPACE, signIn } from "./helpers";

test("an editor creates a brief, renames it and finds it by search", async ({ page }) => {
  await signIn(page, USERS.editor);
  await page.goto(WORKSPACE);
  await page.getByTestId("create-brief").locator("summary").click();
  const title = `Nioro du Sahel checkpoint attacks ${Date.now()}`;
  await page.locator('input[name="title"]').fill(title);
  await page.getByTestId("create-brief").locator('button[type="submit"]').click();
  await expect(page.getByTestId("brief-title")).toHaveText(title);
  await expect(page.locator(".brief-head").getByTestId("status-badge")).toBeVisible();

  await page.getByRole("button", { name: /rename|renommer|إعادة/i }).click();
  const renamed = `${title} (revised)`;
  await page.getByTestId("rename-form").locator('input[name="title"]').fill(renamed);
  await page.getByTestId("rename-form").locator('button[type="submit"]').click();
  await expect(page.getByTestId("brief-title")).toHaveText(renamed);

  await page.goto(`${WORKSPACE}?q=${encodeURIComponent("revised")}`);
  await expect(page.getByTestId("brief-table")).toContainText(renamed);
});

test("an empty or 10,000-character title gets a clear message and nothing is created", async ({
  page,
}) => {
  await signIn(page, USERS.editor);
  await page.goto(WORKSPACE);
  const rowsBefore = await page.getByTestId("brief-table").locator("tbody tr").count();
  await page.getByTestId("create-brief").locator("summary").click();
  await page.getByTestId("create-brief").locator('button[type="submit"]').click();
  // The demo editor chose French, so messages come in French.
  await expect(page.getByTestId("form-error")).toHaveText(
    "Donnez un titre à la note de situation.",
  );
  await page.locator('input[name="title"]').fill("x".repeat(10_000));
  await page.getByTestId("create-brief").locator('button[type="submit"]').click();
  await expect(page.getByTestId("form-error")).toContainText("300");
  await page.reload();
  await expect(page.getByTestId("brief-table").locator("tbody tr")).toHaveCount(rowsBefore);
});

test("a viewer cannot create a brief and sees briefs read-only", async ({ page }) => {
  await signIn(page, USERS.viewer);
  await page.goto(WORKSPACE);
  await expect(page.getByTestId("create-brief")).toHaveCount(0);
  await expect(page.getByTestId("read-only-role")).toBeVisible();
  await page.getByTestId("brief-table").locator("a").first().click();
  await expect(page.getByTestId("read-only-marker")).toBeVisible();
  await expect(page.getByRole("button", { name: /rename/i })).toHaveCount(0);
});

test("a forged brief id and a foreign workspace are 'not found'", async ({ page }) => {
  await signIn(page, USERS.viewer);
  const missing = await page.goto(`${WORKSPACE}/briefs/00000000-0000-4000-8000-000000000000`);
  expect(missing?.status()).toBe(404);
  const junk = await page.goto(`${WORKSPACE}/briefs/not-a-uuid'--`);
  expect(junk?.status()).toBe(404);
  const other = await page.goto(`/w/some-other-desk`);
  expect(other?.status()).toBe(404);
  const members = await page.goto(`${WORKSPACE}/members`);
  expect(members?.status()).toBe(404);
});

test("the collab-token route checks the session and the role for the brief", async ({
  page,
  browser,
  playwright,
}) => {
  const arabicBrief = "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a01";
  const anonymous = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
  });
  expect((await anonymous.post(`/api/briefs/${arabicBrief}/collab-token`)).status()).toBe(401);
  await anonymous.dispose();

  await signIn(page, USERS.viewer);
  const viewer = await page.request.post(`/api/briefs/${arabicBrief}/collab-token`);
  expect(viewer.status()).toBe(200);
  expect(await viewer.json()).toMatchObject({ readOnly: true });
  expect(viewer.headers()["cache-control"]).toContain("no-store");
  const unknown = await page.request.post(
    `/api/briefs/00000000-0000-4000-8000-000000000000/collab-token`,
  );
  expect(unknown.status()).toBe(404);
  const forged = await page.request.post(`/api/briefs/..%2F..%2Fetc/collab-token`);
  expect([400, 404]).toContain(forged.status());

  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await signIn(editorPage, USERS.editor);
  const editor = await editorPage.request.post(`/api/briefs/${arabicBrief}/collab-token`);
  expect(await editor.json()).toMatchObject({ readOnly: false });
  await editorContext.close();
});
