import { describe, expect, it } from "vitest";
import { clientIp, trustedProxyHops, UNKNOWN_IP } from "./client-ip";

const env = (TRUST_PROXY?: string): NodeJS.ProcessEnv => ({ NODE_ENV: "test", TRUST_PROXY });

describe("client address for rate limiting", () => {
  it("ignores X-Forwarded-For unless a proxy is configured", () => {
    const forged = new Headers({ "x-forwarded-for": "203.0.113.1", "x-real-ip": "203.0.113.2" });
    for (const value of [undefined, "", "0", "false", "yes", "-1", "1.5", "on"]) {
      expect(clientIp(forged, env(value)), `TRUST_PROXY=${value}`).toBe(UNKNOWN_IP);
    }
  });

  it("takes the entry the trusted proxy appended, not what the client wrote before it", () => {
    const headers = { "x-forwarded-for": "10.9.9.9, 198.51.100.4" };
    expect(clientIp(headers, env("1"))).toBe("198.51.100.4");
    expect(clientIp(headers, env("true"))).toBe("198.51.100.4");
    expect(
      clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 192.0.2.7, 10.0.0.2" }), env("2")),
    ).toBe("192.0.2.7");
    // Several header lines are one list, in order.
    expect(clientIp({ "x-forwarded-for": ["6.6.6.6", "192.0.2.8"] }, env("1"))).toBe("192.0.2.8");
  });

  it("reads a short list and a missing header sensibly", () => {
    expect(clientIp({ "x-forwarded-for": "192.0.2.9" }, env("3"))).toBe("192.0.2.9");
    expect(clientIp({}, env("1"))).toBe(UNKNOWN_IP);
    expect(trustedProxyHops(env("11"))).toBe(0);
    expect(trustedProxyHops(env(" 2 "))).toBe(2);
  });
});
