import { expect, test } from "@playwright/test";
import { failOnCspViolations } from "./csp";
import { signIn, USERS, WORKSPACE } from "./helpers";

failOnCspViolations(test);

// Published by the demo seed (lib/demo/publications.ts): the Arabic brief with a public
// link, the French brief for workspace members only.
const ARABIC = "/p/jnim-kayes-ar";
const FRENCH = "/p/jnim-kayes-fr";
const FRENCH_BRIEF = "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a03";

test("a visitor reads the public Arabic brief right-to-left, with its footnotes", async ({
  page,
}) => {
  // The latest version (another spec may have published more: only v1 is fixed).
  const latest = await page.goto(ARABIC);
  expect(latest?.status()).toBe(200);
  await expect(page.getByTestId("reader-body")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("version-item").last()).toContainText("1");

  const response = await page.goto(`${ARABIC}/v/1`);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("reader-title")).toContainText("كايس");
  await expect(page.getByTestId("reader-title")).toHaveAttribute("dir", "rtl");
  const body = page.getByTestId("reader-body");
  await expect(body).toHaveAttribute("dir", "rtl");
  await expect(body.locator(".brief-body")).toHaveAttribute("dir", "rtl");
  await expect(body.locator(".brief-body > p").first()).toHaveAttribute("dir", "rtl");
  await expect(body).toContainText("ميلجي");
  await expect(page.getByTestId("reader-version")).toContainText("1");

  // The incident figure as it was frozen at publication (the UCDP rows the seed imported).
  await expect(body.locator(".embed-figure")).toHaveCount(1);

  // Footnote markers link to the notes, which come before the bibliography: two sources,
  // then the four UCDP rows behind the figure, credited under UCDP's licence.
  await expect(body.locator("sup.fn-ref")).toHaveCount(3);
  await expect(body.locator(".footnotes li.footnote")).toHaveCount(3);
  await expect(body.locator("#fn-1")).toContainText("معهد تمبكتو");
  await expect(body.locator("#fn-3")).toContainText("UCDP GED 26.0.7, 636520");
  await expect(body.locator("#fn-3")).toContainText(
    "Uppsala Conflict Data Program, Uppsala University (CC BY 4.0)",
  );
  await body.locator('sup.fn-ref a[href="#fn-2"]').click();
  await expect(page).toHaveURL(/#fn-2$/);
  await expect(body.locator(".bibliography li")).toHaveCount(6);

  // Downloads, and nothing only members get.
  await expect(page.getByTestId("export-pdf")).toHaveAttribute("href", `${ARABIC}/v/1/export/pdf`);
  await expect(page.getByTestId("export-docx")).toHaveAttribute(
    "href",
    `${ARABIC}/v/1/export/docx`,
  );
  await expect(page.getByTestId("compare-previous")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /draft/i })).toHaveCount(0);

  // Unknown or malformed versions are not found.
  expect((await page.goto(`${ARABIC}/v/9999`))?.status()).toBe(404);
  expect((await page.goto(`${ARABIC}/v/abc`))?.status()).toBe(404);
  expect((await page.goto(`${ARABIC}/v/01`))?.status()).toBe(404);
});

test("a members-only publication is not found for a visitor, and readable by a member", async ({
  page,
}) => {
  const visitor = await page.goto(FRENCH);
  expect(visitor?.status()).toBe(404);
  // The 404 never reveals the brief's title.
  await expect(page.locator("body")).not.toContainText("Mauritanie");
  expect((await page.goto(`${FRENCH}/v/1`))?.status()).toBe(404);
  expect((await page.goto("/p/no-such-brief"))?.status()).toBe(404);

  await signIn(page, USERS.viewer);
  expect((await page.goto(FRENCH))?.status()).toBe(200);
  await expect(page.getByTestId("reader-title")).toContainText("Mauritanie");
  await expect(page.getByTestId("reader-body")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("link", { name: /draft|brouillon|المسودة/i })).toHaveAttribute(
    "href",
    `${WORKSPACE}/briefs/${FRENCH_BRIEF}`,
  );
});

test("the reader page follows the interface language and prints only the brief", async ({
  page,
}) => {
  await page.goto(`${ARABIC}/v/1`);
  await page.getByTestId("language-switcher").selectOption("ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("reader-version")).toContainText("النسخة 1");

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".topbar")).toBeHidden();
  await expect(page.locator(".reader-side")).toBeHidden();
  await expect(page.getByTestId("reader-body")).toBeVisible();
});

test("pages carry a per-request nonce policy; nothing but an allowed site frames them", async ({
  page,
}) => {
  const first = await page.goto(ARABIC);
  const csp = first?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(first?.headers()["x-frame-options"]).toBe("DENY");
  // Served over plain http here: no HSTS.
  expect(first?.headers()["strict-transport-security"]).toBeUndefined();
  // Next.js put the nonce on its scripts, and it changes with every response.
  expect(await page.locator("script[nonce]").count()).toBeGreaterThan(0);
  const second = await page.goto(ARABIC);
  const nonce = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce(second?.headers()["content-security-policy"] ?? "")).not.toBe(nonce(csp));
  // Route handlers are not framed either.
  const api = await page.request.get("/api/incidents/western-mali/embed?saved=1");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
});
