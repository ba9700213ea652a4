/**
 * Route handlers outside the upload ones, called as Next calls them: every one answers
 * through lib/http/route.ts, so a cross-site POST is refused before it runs and refusals come
 * in the one JSON shape.
 */
import { describe, expect, it } from "vitest";
import { POST as nextAuth } from "@/app/api/auth/[...nextauth]/route";
import { GET as versionExport } from "@/app/p/[slug]/v/[version]/export/[format]/route";
import { routeParams } from "@/lib/test/session-request";
import { withTestDatabase } from "@/lib/test/with-test-database";

withTestDatabase("http_route_handlers");

describe("route handlers through the one wrapper", () => {
  it("refuses a sign-in posted by another site before next-auth reads it", async () => {
    const response = await nextAuth(
      new Request("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/json" },
        body: JSON.stringify({ email: "editor@briefroom.test", password: "x" }),
      }),
      routeParams({ nextauth: ["callback", "credentials"] }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: "crossSite" } });
  });

  it("answers an unknown published version's download with the JSON notFound", async () => {
    const response = await versionExport(
      new Request("http://localhost:3000/p/no-such-brief/v/1/export/pdf"),
      routeParams({ slug: "no-such-brief", version: "1", format: "pdf" }),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: "notFound" } });
  });
});
