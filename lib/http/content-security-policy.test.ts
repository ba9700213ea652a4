import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import {
  contentSecurityPolicy,
  pageSecurityHeaders,
  readerFrameAncestors,
} from "./content-security-policy";

const ENV = {
  NODE_ENV: "production",
  NEXTAUTH_URL: "http://localhost:3000",
  COLLAB_URL: "ws://localhost:1234",
} as NodeJS.ProcessEnv;

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, and the collaboration server for connections", () => {
    const policy = directives(
      contentSecurityPolicy({ nonce: "abc", pathname: "/w/western-mali", https: false, env: ENV }),
    );
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "ws://localhost:1234"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("lets the reader alone be framed, by the origins READER_FRAME_ANCESTORS names", () => {
    const env = { ...ENV, READER_FRAME_ANCESTORS: "https://intranet.example.org, 'self'" };
    const reader = directives(
      contentSecurityPolicy({ nonce: "n", pathname: "/p/jnim-kayes-ar/v/1", https: true, env }),
    );
    expect(reader.get("frame-ancestors")).toEqual(["https://intranet.example.org", "'self'"]);
    const editor = directives(
      contentSecurityPolicy({ nonce: "n", pathname: "/w/western-mali", https: true, env }),
    );
    expect(editor.get("frame-ancestors")).toEqual(["'none'"]);
    // Not a path that merely starts with "p".
    const other = directives(
      contentSecurityPolicy({ nonce: "n", pathname: "/privacy", https: true, env }),
    );
    expect(other.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("ignores READER_FRAME_ANCESTORS entries that are not origins", () => {
    expect(readerFrameAncestors("https://ok.example; script-src * 'unsafe-inline' *")).toEqual([]);
    expect(readerFrameAncestors("https://*.example.org:8443 javascript:alert(1)")).toEqual([
      "https://*.example.org:8443",
    ]);
  });
});

describe("pageSecurityHeaders", () => {
  it("sends HSTS only over https", () => {
    const plain = pageSecurityHeaders(new Request("http://localhost:3000/w"), "n", ENV);
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    const proxied = new Request("http://localhost:3000/w", {
      headers: { "x-forwarded-proto": "https" },
    });
    expect(pageSecurityHeaders(proxied, "n", ENV)["Strict-Transport-Security"]).toBe(
      "max-age=31536000",
    );
    const configured = pageSecurityHeaders(new Request("http://10.0.0.2:3000/w"), "n", {
      ...ENV,
      NEXTAUTH_URL: "https://briefroom.example.org",
    });
    expect(configured["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(
      directives(configured["Content-Security-Policy"]!).has("upgrade-insecure-requests"),
    ).toBe(true);
  });

  it("denies framing the reader unless it is allowed", () => {
    expect(
      pageSecurityHeaders(new Request("http://localhost:3000/p/x"), "n", ENV)["X-Frame-Options"],
    ).toBe("DENY");
    const allowed = { ...ENV, READER_FRAME_ANCESTORS: "https://intranet.example.org" };
    expect(
      pageSecurityHeaders(new Request("http://localhost:3000/p/x"), "n", allowed)[
        "X-Frame-Options"
      ],
    ).toBeUndefined();
  });
});

describe("proxy", () => {
  it("gives every page response its own nonce, in the policy and to the render", () => {
    const first = proxy(new NextRequest("http://localhost:3000/w/western-mali"));
    const second = proxy(new NextRequest("http://localhost:3000/w/western-mali"));
    const nonceOf = (response: Response) =>
      /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const nonce = nonceOf(first);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second)).not.toBe(nonce);
    // What Next.js hands the render as request headers: the same nonce and policy.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(
      first.headers.get("content-security-policy"),
    );
  });
});
