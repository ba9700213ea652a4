import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { UNKNOWN_IP } from "./client-ip";
import {
  LOGIN_MAX_FAILURES,
  LOGIN_MAX_FAILURES_PER_ACCOUNT,
  LOGIN_MAX_FAILURES_PER_IP,
  clearLoginFailures,
  isLoginBlocked,
  recordLoginFailure,
  type SignInSource,
} from "./rate-limit";

withTestDatabase("ratelimit");

const from = (ip: string, device: string | null = null): SignInSource => ({ ip, device });

async function fail(email: string, source: SignInSource, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await recordLoginFailure(email, source);
}

describe("sign-in rate limit", () => {
  it("blocks the (account, address) pair that failed, not the owner at another address", async () => {
    const attacker = from("203.0.113.66");
    await fail("owner@example.test", attacker, LOGIN_MAX_FAILURES);
    expect(await isLoginBlocked("owner@example.test", attacker)).toBe(true);
    expect(await isLoginBlocked("owner@example.test", from("192.0.2.10"))).toBe(false);
    expect(await isLoginBlocked("someone-else@example.test", attacker)).toBe(false);
  });

  it("blocks an address that sprays many accounts", async () => {
    const sprayer = from("198.51.100.7");
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_IP; i++)
      await recordLoginFailure(`user${i}@example.test`, sprayer);
    expect(await isLoginBlocked("fresh@example.test", sprayer)).toBe(true);
    expect(await isLoginBlocked("fresh@example.test", from("198.51.100.8"))).toBe(false);
  });

  it("caps one account's failures over many addresses, but never for the owner's browser", async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ACCOUNT; i++)
      await recordLoginFailure("popular@example.test", from(`10.1.${i >> 8}.${i & 255}`));
    expect(await isLoginBlocked("popular@example.test", from("192.0.2.44"))).toBe(true);
    expect(await isLoginBlocked("popular@example.test", from("192.0.2.44", "owner-laptop"))).toBe(
      false,
    );
  });

  it("without a trusted address, strangers share a bucket that blocks neither the owner's browser nor other accounts", async () => {
    const stranger = from(UNKNOWN_IP);
    await fail("analyst@example.test", stranger, LOGIN_MAX_FAILURES);
    expect(await isLoginBlocked("analyst@example.test", stranger)).toBe(true);
    expect(await isLoginBlocked("analyst@example.test", from(UNKNOWN_IP, "analyst-pc"))).toBe(
      false,
    );
    // No per-address limit on the shared unknown address: it would block everyone.
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_IP; i++)
      await recordLoginFailure(`victim${i}@example.test`, stranger);
    expect(await isLoginBlocked("colleague@example.test", stranger)).toBe(false);
  });

  it("limits a device by its own failures", async () => {
    const device = from(UNKNOWN_IP, "shared-kiosk");
    await fail("kiosk@example.test", device, LOGIN_MAX_FAILURES);
    expect(await isLoginBlocked("kiosk@example.test", device)).toBe(true);
    expect(await isLoginBlocked("kiosk@example.test", from(UNKNOWN_IP, "other-device"))).toBe(
      false,
    );
  });

  it("a success clears only its own pair, so it never resets an attacker's count", async () => {
    const attacker = from("203.0.113.99");
    const owner = from("192.0.2.99");
    await fail("reset@example.test", attacker, LOGIN_MAX_FAILURES);
    await fail("reset@example.test", owner, 3);
    await clearLoginFailures("reset@example.test", owner);
    expect(await isLoginBlocked("reset@example.test", attacker)).toBe(true);
    await fail("reset@example.test", owner, LOGIN_MAX_FAILURES - 1);
    expect(await isLoginBlocked("reset@example.test", owner)).toBe(false);
  });
});
