import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/policy/can";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { commitImport } from "../import/commit-import";
import { parseImportFile } from "../import/parse-import";
import { fileSource } from "../import/read-file";
import { mapIncidents } from "./map-rows";

withTestDatabase("incidents_map_rows");

const SAMPLE = path.join(__dirname, "../fixtures/ucdp-ged-candidate-26.0.7-mali-sample.csv");
let viewer: Member;
let outsider: Member;

beforeAll(async () => {
  const ws = await workspaceWith(["EDITOR", "VIEWER"]);
  viewer = ws.members.VIEWER;
  outsider = (await workspaceWith(["VIEWER"])).members.VIEWER;
  const parsed = await parseImportFile(fileSource(SAMPLE), { expected: "UCDP_GED" });
  await commitImport(ws.members.EDITOR, parsed, {
    fileSize: 1,
    datasetVersion: "26.0.7",
    accessDate: new Date("2026-11-20"),
    fileName: "ucdp.csv",
  });
});

describe("mapIncidents", () => {
  it("reads the rows the browser's filter selects, with their precision", async () => {
    const all = await mapIncidents(viewer, {});
    expect(all.rows).toHaveLength(12);
    expect(all.truncated).toBe(false);
    const kayes = await mapIncidents(viewer, { admin1: "Kayes" });
    expect(kayes.rows.map((r) => [r.externalId, r.geoPrecision]).sort()).toEqual([
      ["636520", 1],
      ["636592", 4],
      ["636664", 5],
      ["636798", 2],
    ]);
  });

  it("shows another workspace's member none of them", async () => {
    expect((await mapIncidents(outsider, {})).rows).toEqual([]);
  });
});
