import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/test/with-test-database";
import {
  LOGIN_MAX_FAILURES,
  clearLoginFailures,
  isLoginBlocked,
  recordLoginFailure,
} from "./rate-limit";

withTestDatabase("ratelimit");

describe("sign-in rate limit", () => {
  it("blocks an account after 10 failures from any address, and an address after 10 on any account", async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      await recordLoginFailure("target@example.test", `10.0.0.${i}`);
    expect(await isLoginBlocked("target@example.test", "192.0.2.1")).toBe(true);
    expect(await isLoginBlocked("other@example.test", "192.0.2.1")).toBe(false);

    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      await recordLoginFailure(`user${i}@example.test`, "198.51.100.7");
    expect(await isLoginBlocked("fresh@example.test", "198.51.100.7")).toBe(true);

    await clearLoginFailures("target@example.test");
    expect(await isLoginBlocked("target@example.test", "192.0.2.1")).toBe(false);
  });
});
