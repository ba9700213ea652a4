import { describe, expect, it } from "vitest";
import { isSafeLinkHref } from "./link-href";

describe("isSafeLinkHref", () => {
  it.each([
    "https://reliefweb.int/report",
    "http://example.org",
    "HTTPS://EXAMPLE.ORG",
    "mailto:desk@example.org",
    "/w/acme/briefs/1",
    "../sources/2",
    "#section-2",
    "?page=2",
    "report.pdf",
    "//cdn.example.org/x",
  ])("allows %s", (href) => {
    expect(isSafeLinkHref(href)).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox",
    "file:///etc/passwd",
    "ftp://example.org",
    "",
    "   ",
  ])("refuses %j", (href) => {
    expect(isSafeLinkHref(href)).toBe(false);
  });

  it("refuses non-strings", () => {
    expect(isSafeLinkHref(null)).toBe(false);
    expect(isSafeLinkHref(undefined)).toBe(false);
    expect(isSafeLinkHref(42)).toBe(false);
  });
});
