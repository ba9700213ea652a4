import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { safeCallbackUrl } from "./callback-url";

describe("passwords", () => {
  it("hashes with argon2id and verifies", async () => {
    const hash = await hashPassword("briefroom-demo");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "briefroom-demo")).toBe(true);
    expect(await verifyPassword(hash, "briefroom-dem0")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});

describe("callback URLs", () => {
  it("keeps same-site paths and drops everything else", () => {
    expect(safeCallbackUrl("/w/western-mali")).toBe("/w/western-mali");
    expect(safeCallbackUrl("https://evil.example")).toBe("/w");
    expect(safeCallbackUrl("//evil.example")).toBe("/w");
    expect(safeCallbackUrl("/\\evil.example")).toBe("/w");
    expect(safeCallbackUrl(undefined)).toBe("/w");
  });
});
