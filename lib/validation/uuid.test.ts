import { describe, expect, it } from "vitest";
import { isUuid } from "./uuid";

describe("isUuid", () => {
  it("accepts UUIDs in either case", () => {
    expect(isUuid("3f2c8a9e-1b4d-4c6e-9f0a-2b3c4d5e6f70")).toBe(true);
    expect(isUuid("3F2C8A9E-1B4D-4C6E-9F0A-2B3C4D5E6F70")).toBe(true);
  });

  it("refuses what only looks like one", () => {
    // 36 characters of hex digits and dashes, but not grouped 8-4-4-4-12.
    expect(isUuid("------------------------------------")).toBe(false);
    expect(isUuid("3f2c8a9e1b4d-4c6e-9f0a-2b3c4d5e6f70-")).toBe(false);
    expect(isUuid("3f2c8a9e-1b4d-4c6e-9f0a-2b3c4d5e6f70 ")).toBe(false);
    expect(isUuid("not-a-uuid")).toBe(false);
    expect(isUuid("")).toBe(false);
  });
});
