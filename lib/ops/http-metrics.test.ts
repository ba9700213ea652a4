import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as healthz } from "@/app/api/healthz/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { db } from "@/lib/db";
import { workspaceWith } from "@/lib/test/factories";
import { routeParams } from "../test/session-request";
import { withTestDatabase } from "../test/with-test-database";
import { routeLabel } from "./http-metrics";
import { formatLogLine } from "./log";

withTestDatabase("ops_http_metrics");

const base = "http://localhost:3000";
const noParams = routeParams({});

afterEach(() => {
  delete process.env.METRICS_TOKEN;
  delete process.env.LOG_FORMAT;
  vi.restoreAllMocks();
});

async function scrape(): Promise<string> {
  process.env.METRICS_TOKEN = "scraper-token";
  const response = await metrics(
    new Request(`${base}/api/metrics`, { headers: { authorization: "Bearer scraper-token" } }),
    noParams,
  );
  expect(response.status).toBe(200);
  return response.text();
}

describe("request metrics and logs of the web app", () => {
  it("folds identifiers out of route labels", () => {
    expect(routeLabel("/api/briefs/0b5c3a0e-93a1-4c59-9a51-3f1b7c2d9e10/collab-token")).toBe(
      "/api/briefs/:id/collab-token",
    );
    expect(routeLabel("/api/incidents/western-mali/import")).toBe(
      "/api/incidents/:workspace/import",
    );
    expect(routeLabel("/w/western-mali/briefs/12")).toBe("/w/:workspace/briefs/:n");
  });

  it("times each handled request by route and status, and logs it as one JSON line", async () => {
    process.env.LOG_FORMAT = "json";
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const request = new Request(`${base}/api/healthz?token=do-not-log`, {
      headers: { "x-request-id": "req-42" },
    });
    expect((await healthz(request, noParams)).status).toBe(200);
    vi.restoreAllMocks();

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        event: "http.request",
        requestId: "req-42",
        method: "GET",
        route: "/api/healthz",
        status: 200,
      }),
    );
    expect(lines.join("")).not.toContain("do-not-log");

    const text = await scrape();
    expect(text).toMatch(
      /briefroom_http_request_duration_seconds_count\{[^}]*method="GET"[^}]*route="\/api\/healthz"[^}]*status="200"[^}]*\} [1-9]/,
    );
  });

  it("reports the committed imports from the database", async () => {
    const { members } = await workspaceWith(["EDITOR"]);
    await db.importBatch.create({
      data: {
        workspaceId: members.EDITOR.workspaceId,
        dataset: "UCDP_GED",
        fileName: "kayes.csv",
        fileSize: 120,
        encoding: "utf-8",
        accessDate: new Date("2026-06-01"),
        createdById: members.EDITOR.userId,
        inserted: 3,
        updated: 1,
        unchanged: 0,
        rejected: 2,
      },
    });
    const text = await scrape();
    expect(text).toMatch(/briefroom_import_batches\{[^}]*dataset="UCDP_GED"[^}]*\} 1\b/);
    expect(text).toMatch(
      /briefroom_import_rows\{[^}]*dataset="UCDP_GED"[^}]*outcome="inserted"[^}]*\} 3\b/,
    );
    expect(text).toMatch(
      /briefroom_import_rows\{[^}]*dataset="UCDP_GED"[^}]*outcome="rejected"[^}]*\} 2\b/,
    );
  });

  it("never writes fields that are named like secrets or content", () => {
    const line = formatLogLine(
      "info",
      "collab.connection.open",
      { connectionId: "c1", token: "t", documentText: "x", password: "p" },
      { LOG_FORMAT: "json", BRIEFROOM_INSTANCE: "collab-1" },
    );
    expect(JSON.parse(line)).toMatchObject({ event: "collab.connection.open", connectionId: "c1" });
    expect(line).not.toMatch(/"(token|documentText|password)"/);
  });
});
