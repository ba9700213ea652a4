import { describe, expect, it } from "vitest";
import { isAllowedOrigin, parseAllowedOrigins } from "./origin";

describe("origin allow-list", () => {
  const allowed = parseAllowedOrigins(" https://briefroom.example.org/ , http://localhost:3000");

  it("normalises configured entries to origins", () => {
    expect(allowed).toEqual(["https://briefroom.example.org", "http://localhost:3000"]);
    expect(parseAllowedOrigins(undefined)).toEqual([]);
  });

  it("accepts listed origins only", () => {
    expect(isAllowedOrigin("https://briefroom.example.org", allowed)).toBe(true);
    expect(isAllowedOrigin("http://localhost:3000", allowed)).toBe(true);
    expect(isAllowedOrigin("http://localhost:3001", allowed)).toBe(false);
    expect(isAllowedOrigin("https://briefroom.example.org.evil.test", allowed)).toBe(false);
    expect(isAllowedOrigin("http://briefroom.example.org", allowed)).toBe(false);
    expect(isAllowedOrigin("null", allowed)).toBe(false);
    expect(isAllowedOrigin(undefined, allowed)).toBe(false);
    expect(isAllowedOrigin("", allowed)).toBe(false);
  });
});
