import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appOrigin } from "./app-origin";
import { crossSiteReason } from "./cross-site";

const APP = "https://briefroom.example.org";
const post = (headers: Record<string, string>, url = `${APP}/api/x`) =>
  new Request(url, { method: "POST", headers });

describe("crossSiteReason", () => {
  it("lets the app's own pages through", () => {
    expect(crossSiteReason(post({ origin: APP }), APP)).toBeNull();
    expect(crossSiteReason(post({ origin: `${APP}/` }), APP)).toBeNull();
    // The host the browser sent the request to (a second name for the same server).
    expect(
      crossSiteReason(post({ origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" }), APP),
    ).toBeNull();
    expect(crossSiteReason(post({ "sec-fetch-site": "same-origin" }), APP)).toBeNull();
    expect(crossSiteReason(post({ "sec-fetch-site": "none" }), APP)).toBeNull();
    // Not a browser: no cookies of a user to abuse.
    expect(crossSiteReason(post({}), APP)).toBeNull();
  });

  it("refuses other sites, sibling subdomains and opaque origins", () => {
    expect(crossSiteReason(post({ origin: "https://evil.example" }), APP)).toMatch(/evil\.example/);
    expect(crossSiteReason(post({ origin: "http://briefroom.example.org" }), APP)).not.toBeNull();
    expect(crossSiteReason(post({ origin: "null" }), APP)).not.toBeNull();
    expect(crossSiteReason(post({ "sec-fetch-site": "cross-site" }), APP)).not.toBeNull();
    expect(crossSiteReason(post({ "sec-fetch-site": "same-site" }), APP)).not.toBeNull();
    // A host header naming the attacker's site does not help it: it is compared, not trusted.
    expect(
      crossSiteReason(post({ origin: "https://evil.example", host: "briefroom.example.org" }), APP),
    ).not.toBeNull();
  });

  it("leaves reads alone", () => {
    const get = new Request(`${APP}/api/x`, { headers: { origin: "https://evil.example" } });
    expect(crossSiteReason(get, APP)).toBeNull();
  });
});

/** Every app/**\/route.ts file, as the import path Vitest resolves. */
async function routeFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await routeFiles(full)));
    else if (entry.name === "route.ts") found.push(full);
  }
  return found;
}

const APP_DIR = path.resolve(__dirname, "..", "..", "app");
const STATE_CHANGING = ["POST", "PUT", "PATCH", "DELETE"] as const;

describe("every state-changing route handler", async () => {
  const files = (await routeFiles(APP_DIR))
    // next-auth checks its own CSRF token on its POSTs (sign-in, sign-out).
    .filter((file) => !file.includes(`${path.sep}api${path.sep}auth${path.sep}`));

  it("is found", () => {
    expect(files.some((file) => file.includes("incidents"))).toBe(true);
  });

  for (const file of files) {
    const name = path.relative(APP_DIR, file);
    it(`${name} refuses requests from another site`, async () => {
      const handlers = (await import(file)) as Record<string, unknown>;
      for (const method of STATE_CHANGING) {
        const handler = handlers[method];
        if (typeof handler !== "function") continue;
        const refused: Record<string, string>[] = [
          { origin: "https://evil.example" },
          { "sec-fetch-site": "cross-site" },
        ];
        for (const headers of refused) {
          const request = new Request(new URL("/api/anything", appOrigin()), {
            method,
            headers,
            body: "x",
          });
          const response = (await handler(request, { params: Promise.resolve({}) })) as Response;
          expect(response.status, `${method} ${name}`).toBe(403);
          const body = (await response.json()) as { error: { code: string }; message: string };
          expect(body.error.code).toBe("crossSite");
          expect(body.message).toMatch(/Cross-site request refused/);
        }
      }
    });
  }
});
