import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { commitImport } from "./import/commit-import";
import { parseImportFile } from "./import/parse-import";
import { fileSource } from "./import/read-file";
import { filterOptions, incidentSeries, incidentTotals, incidentWhere } from "./queries";
import type { IncidentFilter } from "./query-schema";

withTestDatabase("incidents_counts");

const FIXTURES = path.join(__dirname, "fixtures");
let viewer: Member;
let workspaceId: string;

beforeAll(async () => {
  const ws = await workspaceWith(["EDITOR", "VIEWER"]);
  viewer = ws.members.VIEWER;
  workspaceId = ws.workspaceId;
  const meta = { fileSize: 1, datasetVersion: null, accessDate: new Date("2026-11-20") };
  for (const [file, expected] of [
    ["ucdp-ged-candidate-26.0.7-mali-sample.csv", "UCDP_GED"],
    ["acled-mali-sample.csv", "ACLED"],
  ] as const) {
    const parsed = await parseImportFile(fileSource(path.join(FIXTURES, file)), { expected });
    await commitImport(ws.members.EDITOR, parsed, { ...meta, fileName: file });
  }
  // Rows a place filter cannot see (no admin1) that the text finds, one linked to JNIM, and
  // one removed row that matches everything: counting by parts must count them as one
  // condition does.
  const jnim = await db.actor.findFirstOrThrow({ where: { name: "JNIM" }, select: { id: true } });
  const row = (externalId: string, searchText: string, extra: object = {}) => ({
    workspaceId,
    dataset: "INHOUSE" as const,
    externalId,
    dateStart: new Date("2024-05-02"),
    dateEnd: new Date("2024-05-02"),
    yearMonth: 202405,
    eventType: "Battles",
    contentHash: externalId,
    searchText,
    fatalitiesBest: 2,
    ...extra,
  });
  await db.incident.createMany({
    data: [
      row("IH-1", "clash reported near kayes town, gsim claimed it"),
      row("IH-2", "unattributed attack", { actorIds: [jnim.id] }),
      row("IH-3", "kayes gsim", {
        admin1: "Kayes",
        actorIds: [jnim.id],
        removedAt: new Date(),
      }),
    ],
  });
});

/** What one `text OR named` condition counts, straight from the table. */
async function direct(filter: IncidentFilter) {
  const where = await incidentWhere(workspaceId, filter);
  const totals = await db.incident.aggregate({
    where,
    _count: { _all: true },
    _sum: { fatalitiesBest: true },
  });
  const months = await db.incident.groupBy({
    by: ["yearMonth"],
    where,
    _count: { _all: true },
    orderBy: { yearMonth: "asc" },
  });
  return {
    totals: { count: totals._count._all, fatalities: totals._sum.fatalitiesBest ?? 0 },
    perMonth: months.map((m) => [m.yearMonth, m._count._all]),
  };
}

describe("counting free text by parts (named actors and places + the text)", () => {
  const filters: IncidentFilter[] = [
    { q: "GSIM" },
    { q: "JNIM" },
    { q: "نصرة الإسلام" },
    { q: "كاي" },
    { q: "Kayes" },
    { q: "Sadiola" },
    { q: "kayes", from: "2023-01-01", to: "2024-12-31" },
    { q: "GSIM", admin1: "Kayes" },
    { q: "a" },
  ];

  it.each(filters)("counts exactly what one condition counts: %o", async (filter) => {
    const expected = await direct(filter);
    expect(expected.totals.count).toBeGreaterThan(0);
    expect(await incidentTotals(viewer, filter)).toEqual(expected.totals);
    const series = await incidentSeries(viewer, filter, "month");
    const perMonth = series
      .filter((p) => p.count > 0)
      .map((p) => [Number(p.period.replace("-", "")), p.count]);
    expect(perMonth).toEqual(expected.perMonth);
  });

  it("inside a caller's transaction, leaves the transaction's planner settings as they were", async () => {
    const expected = (await direct({ q: "GSIM" })).totals;
    const [totals, cost] = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL random_page_cost = 2.5");
      const counted = await incidentTotals(viewer, { q: "GSIM" }, tx);
      const [after] = await tx.$queryRaw<{ cost: string }[]>`
        SELECT current_setting('random_page_cost') AS cost`;
      return [counted, after?.cost];
    });
    expect(totals).toEqual(expected);
    expect(cost).toBe("2.5");
  });
});

describe("filter options", () => {
  it("lists each region and event type once, in order, leaving out removed rows", async () => {
    const options = await filterOptions(viewer);
    const live = await db.incident.findMany({
      where: { workspaceId, removedAt: null },
      select: { admin1: true, eventType: true },
    });
    const sorted = (values: string[]) =>
      [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(options.eventTypes).toEqual(sorted(live.map((r) => r.eventType)));
    expect(options.admin1).toEqual(sorted(live.flatMap((r) => (r.admin1 ? [r.admin1] : []))));
    expect(options.admin1.length).toBeGreaterThan(1);
  });
});
