import { expect, type Page, type TestType } from "@playwright/test";

/**
 * Fails the spec's tests on any Content-Security-Policy violation in their pages: the
 * browser fires `securitypolicyviolation` (and logs "Refused to …") for every script, style,
 * font, image or connection the policy blocked, so a journey that passes with a blocked
 * resource cannot go unnoticed.
 */
export function failOnCspViolations(test: TestType<{ page: Page }, object>): void {
  const seen = new WeakMap<Page, string[]>();
  test.beforeEach(async ({ page }) => {
    const violations: string[] = [];
    seen.set(page, violations);
    await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        const report = (window as unknown as { __reportCspViolation(text: string): void })
          .__reportCspViolation;
        report(
          `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
        violations.push(message.text());
      }
    });
  });
  test.afterEach(async ({ page }) => {
    expect(seen.get(page) ?? [], "Content-Security-Policy violations").toEqual([]);
  });
}
