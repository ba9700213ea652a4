import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    "//evil.example",
    "/\\evil.example",
    "/%09/evil.example",
    "/%5C/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "https://evil.example",
    "http://evil.example/w",
    "javascript:alert(1)",
    "http:evil.example",
    "data:text/html,hi",
    " /x",
    "\t/x",
    "",
    null,
    undefined,
  ])("sends %j to the workspace list", (value) => {
    expect(safeCallbackUrl(value)).toBe("/w");
  });

  it.each([
    ["/w/demo/briefs/abc?x=1#y", "/w/demo/briefs/abc?x=1#y"],
    ["/w/western-mali", "/w/western-mali"],
    ["/w/a/../b", "/w/b"],
    ["/w/s%C3%A9gou", "/w/s%C3%A9gou"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it("resolves against the app's own origin", () => {
    const origin = "https://briefroom.example";
    expect(safeCallbackUrl("/w/x?y=1", "/w", origin)).toBe("/w/x?y=1");
    expect(safeCallbackUrl("/\t/evil.example", "/w", origin)).toBe("/w");
  });
});
