/**
 * The upload route handlers, called as Next calls them: a real Request (a streamed body, a
 * signed session cookie) against a real database. Who may upload is decided before a byte
 * of the body is read, and no body is read past its limit, whatever Content-Length says.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as importIncidents } from "@/app/api/incidents/[workspace]/import/route";
import { POST as importSources } from "@/app/api/sources/[workspace]/import/route";
import { db } from "@/lib/db";
import { MAX_IMPORT_BYTES } from "@/lib/incidents/import/parse-import";
import type { Member, Role } from "@/lib/policy/can";
import { IMPORT_MAX_BYTES } from "@/lib/sources/parse-import";
import { workspaceWith } from "@/lib/test/factories";
import { meteredBody, routeParams, routeRequest, sameOrigin } from "@/lib/test/session-request";
import { withTestDatabase } from "@/lib/test/with-test-database";

withTestDatabase("http_upload_routes");

const ACLED = path.join(__dirname, "..", "incidents", "fixtures", "acled-mali-sample.csv");
const INCIDENT_QUERY = "dataset=ACLED&mode=preview&fileName=acled.csv&accessDate=2026-11-20";
let members: Record<Role, Member>;
let slug: string;

const user = (role: Role) => ({ id: members[role].userId });
const incidentsPath = () => `/api/incidents/${slug}/import?${INCIDENT_QUERY}`;
const sourcesPath = () => `/api/sources/${slug}/import?commit=0`;
const params = () => routeParams({ workspace: slug });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

beforeAll(async () => {
  const ws = await workspaceWith(["VIEWER", "EDITOR"]);
  members = ws.members;
  slug = (await db.workspace.findUniqueOrThrow({ where: { id: ws.workspaceId } })).slug;
});

describe("incident import route", () => {
  it("answers a viewer's 100 MB upload with 403 without reading any of it", async () => {
    const body = meteredBody(MAX_IMPORT_BYTES);
    const started = Date.now();
    const response = await importIncidents(
      await routeRequest(incidentsPath(), {
        method: "POST",
        body: body.stream,
        user: user("VIEWER"),
        headers: sameOrigin(),
      }),
      params(),
    );
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toBe("forbidden");
    expect(body.sent()).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
    // The connection closes after the answer, ending the upload there.
    expect(response.headers.get("connection")).toBe("close");
  });

  it("answers signed-out and non-member uploads before reading them", async () => {
    const signedOut = meteredBody(1024 * 1024);
    const anonymous = await importIncidents(
      await routeRequest(incidentsPath(), {
        method: "POST",
        body: signedOut.stream,
        headers: sameOrigin(),
      }),
      params(),
    );
    expect(anonymous.status).toBe(401);
    expect(signedOut.sent()).toBe(0);

    const outsider = (await workspaceWith(["ADMIN"])).members.ADMIN;
    const foreign = meteredBody(1024 * 1024);
    const notMember = await importIncidents(
      await routeRequest(incidentsPath(), {
        method: "POST",
        body: foreign.stream,
        user: { id: outsider.userId },
        headers: sameOrigin(),
      }),
      params(),
    );
    expect(notMember.status).toBe(404);
    expect(foreign.sent()).toBe(0);
  });

  it("refuses a declared size over 100 MB with 413 before reading", async () => {
    const body = meteredBody(1024 * 1024);
    const response = await importIncidents(
      await routeRequest(incidentsPath(), {
        method: "POST",
        body: body.stream,
        user: user("EDITOR"),
        headers: { ...sameOrigin(), "content-length": String(MAX_IMPORT_BYTES + 1) },
      }),
      params(),
    );
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toBe("importTooLarge");
    expect(body.sent()).toBe(0);
  });

  it("stops reading a chunked upload at 100 MB and answers 413", async () => {
    // A valid header, then endless blank lines (each one skipped), with no Content-Length.
    // (An endless quoted cell is refused sooner, as a line no real row is that long.)
    const header = (await readFile(ACLED, "utf8")).split("\n")[0] + "\n";
    const head = new TextEncoder().encode(header);
    const rest = meteredBody(MAX_IMPORT_BYTES + 8 * 1024 * 1024, 1024 * 1024, 0x0a);
    let sentHead = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (!sentHead) {
            sentHead = true;
            return controller.enqueue(head);
          }
          const reader = rest.stream.getReader();
          const { done, value } = await reader.read();
          reader.releaseLock();
          if (done) controller.close();
          else controller.enqueue(value);
        },
      },
      { highWaterMark: 0 },
    );
    const response = await importIncidents(
      await routeRequest(incidentsPath(), {
        method: "POST",
        body: stream,
        user: user("EDITOR"),
        headers: sameOrigin(),
      }),
      params(),
    );
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toBe("importTooLarge");
    // Reading stopped at the limit: at most one chunk beyond it was produced.
    expect(rest.sent()).toBeLessThanOrEqual(MAX_IMPORT_BYTES + 1024 * 1024);
  });

  it("previews an editor's upload and streams the result", async () => {
    const response = await importIncidents(
      await routeRequest(incidentsPath(), {
        method: "POST",
        body: await readFile(ACLED),
        user: user("EDITOR"),
        headers: sameOrigin(),
      }),
      params(),
    );
    expect(response.status).toBe(200);
    const events = (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; summary?: { inserted: number } });
    const result = events.find((event) => event.type === "result");
    expect(result?.summary?.inserted).toBeGreaterThan(0);
  });
});

describe("sources import route", () => {
  it("answers a viewer with 403 without reading the body", async () => {
    const body = meteredBody(IMPORT_MAX_BYTES);
    const response = await importSources(
      await routeRequest(sourcesPath(), {
        method: "POST",
        body: body.stream,
        user: user("VIEWER"),
        headers: sameOrigin(),
      }),
      params(),
    );
    expect(response.status).toBe(403);
    expect(body.sent()).toBe(0);
  });

  it("stops reading a chunked body past 5 MB and answers 413", async () => {
    const body = meteredBody(IMPORT_MAX_BYTES * 4);
    const response = await importSources(
      await routeRequest(sourcesPath(), {
        method: "POST",
        body: body.stream,
        user: user("EDITOR"),
        headers: sameOrigin(),
      }),
      params(),
    );
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toBe("importTooLarge");
    expect(body.sent()).toBeLessThanOrEqual(IMPORT_MAX_BYTES + 64 * 1024);
  });

  it("does not trust a small Content-Length on a larger body", async () => {
    const body = meteredBody(IMPORT_MAX_BYTES * 2);
    const response = await importSources(
      await routeRequest(sourcesPath(), {
        method: "POST",
        body: body.stream,
        user: user("EDITOR"),
        headers: { ...sameOrigin(), "content-length": "100" },
      }),
      params(),
    );
    expect(response.status).toBe(413);
    expect(body.sent()).toBeLessThanOrEqual(IMPORT_MAX_BYTES + 64 * 1024);
  });

  it("previews an editor's CSL-JSON export", async () => {
    const csl = JSON.stringify([
      {
        id: "a",
        type: "report",
        title: "Kayes: routes under pressure",
        issued: { "date-parts": [[2024, 5]] },
      },
    ]);
    const response = await importSources(
      await routeRequest(sourcesPath(), {
        method: "POST",
        body: csl,
        user: user("EDITOR"),
        headers: sameOrigin(),
      }),
      params(),
    );
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      ok: boolean;
      data: { entries: { status: string }[] };
    };
    expect(result.ok).toBe(true);
    expect(result.data.entries.map((e) => e.status)).toEqual(["new"]);
  });
});
