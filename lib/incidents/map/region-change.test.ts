import { DomUtils, parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { changeOf, defaultPeriods, type Change } from "./change";
import { latestIncidentDay, regionChange } from "./region-change";
import { renderChangeMap, type ChangeLabels } from "./render-change-svg";

withTestDatabase("incidents_map_region_change");

let viewer: Member;
let workspaceId: string;
let serial = 0;

/** `n` rows on one day in one region, as the datasets spell it. */
async function rows(n: number, day: string, admin1: string | null, extra: object = {}) {
  const date = new Date(`${day}T00:00:00Z`);
  await db.incident.createMany({
    data: Array.from({ length: n }, () => {
      serial++;
      return {
        workspaceId,
        dataset: "ACLED" as const,
        externalId: `R${serial}`,
        dateStart: date,
        dateEnd: date,
        yearMonth: date.getUTCFullYear() * 100 + date.getUTCMonth() + 1,
        eventType: "Battles",
        admin1,
        latitude: 14.5,
        longitude: -10,
        geoPrecision: 1,
        fatalitiesBest: 2,
        contentHash: `h${serial}`,
        searchText: "",
        ...extra,
      };
    }),
  });
}

const A = { from: "2021-01-01", to: "2021-12-31" };
const B = { from: "2024-01-01", to: "2024-12-31" };

beforeAll(async () => {
  const ws = await workspaceWith(["VIEWER"]);
  viewer = ws.members.VIEWER;
  workspaceId = ws.workspaceId;
  // Kayes: 3 attacks in 2021, 21 in 2024, under UCDP's and ACLED's spellings.
  await rows(2, "2021-03-01", "Kayes");
  await rows(1, "2021-09-01", "Kayes region", { dataset: "UCDP_GED" });
  await rows(15, "2024-02-01", "Kayes");
  await rows(6, "2024-11-30", "Kayes region", { dataset: "UCDP_GED" });
  // Mopti halves; Gao appears; Kidal is quiet in both; Sikasso is not in the gazetteer.
  await rows(4, "2021-05-01", "Mopti");
  await rows(2, "2024-05-01", "Mopti");
  await rows(3, "2024-06-01", "Gao");
  await rows(2, "2021-06-01", "Sikasso", { latitude: 11.3, longitude: -5.7 });
  await rows(1, "2024-06-01", "Sikasso", { latitude: 11.5, longitude: -5.5 });
  // Outside both periods, with no region, or another event type.
  await rows(5, "2022-06-01", "Kayes");
  await rows(2, "2024-03-01", null);
  await rows(4, "2024-03-01", "Kayes", { eventType: "Protests" });
});

describe("changeOf", () => {
  it("writes the later period against the earlier one", () => {
    expect(changeOf(3, 21)).toEqual({ kind: "up", ratio: 7 });
    expect(changeOf(4, 2)).toEqual({ kind: "down", ratio: 0.5 });
    expect(changeOf(2, 2)).toEqual({ kind: "same", ratio: 1 });
    expect(changeOf(0, 3)).toEqual({ kind: "new", ratio: null });
    expect(changeOf(3, 0)).toEqual({ kind: "gone", ratio: null });
    expect(changeOf(0, 0)).toEqual({ kind: "none", ratio: null });
  });

  it("compares the filter's dates, or the latest year, with as long a period just before", () => {
    expect(defaultPeriods({ from: "2024-01-01", to: "2024-12-31" }, null)).toEqual({
      a: { from: "2023-01-01", to: "2023-12-31" },
      b: { from: "2024-01-01", to: "2024-12-31" },
    });
    expect(defaultPeriods({ from: "2026-07-16", to: "2026-07-31" }, null)).toEqual({
      a: { from: "2026-06-30", to: "2026-07-15" },
      b: { from: "2026-07-16", to: "2026-07-31" },
    });
    expect(defaultPeriods({}, new Date("2026-07-31T00:00:00Z"))).toEqual({
      a: { from: "2025-01-01", to: "2025-12-31" },
      b: { from: "2026-01-01", to: "2026-12-31" },
    });
  });
});

describe("regionChange", () => {
  it("counts each region in both periods, its spellings gathered under the gazetteer's name", async () => {
    const change = await regionChange(viewer, { eventType: "Battles" }, { a: A, b: B });
    const byName = Object.fromEntries(change.areas.map((area) => [area.name, area]));
    expect(byName.Kayes).toMatchObject({
      spellings: ["Kayes", "Kayes region"],
      a: { count: 3, fatalities: 6 },
      b: { count: 21, fatalities: 42 },
      at: { lon: -11, lat: 14, from: "gazetteer" },
    });
    expect(changeOf(byName.Kayes!.a.count, byName.Kayes!.b.count)).toEqual({
      kind: "up",
      ratio: 7,
    });
    expect(byName.Mopti).toMatchObject({ a: { count: 4 }, b: { count: 2 } });
    expect(byName.Gao).toMatchObject({ a: { count: 0 }, b: { count: 3 } });
    // Not in the gazetteer: placed at its incidents' mean position, and said so.
    expect(byName.Sikasso?.at).toEqual({
      lon: -5.633333333333333,
      lat: 11.366666666666667,
      from: "incidents",
    });
    expect(change.unplaced).toEqual({
      a: { count: 0, fatalities: 0 },
      b: { count: 2, fatalities: 4 },
    });
    expect(change.areas.map((area) => area.name)).toEqual(["Kayes", "Gao", "Mopti", "Sikasso"]);
  });

  it("uses the periods instead of the filter's own dates, and the rest of the filter as is", async () => {
    const all = await regionChange(
      viewer,
      { from: "2023-01-01", to: "2023-01-31" },
      { a: A, b: B },
    );
    const kayes = all.areas.find((area) => area.name === "Kayes");
    expect(kayes?.b.count).toBe(25); // with the protests
    const arabic = await regionChange(
      viewer,
      { admin1: "Région de Kayes" },
      { a: A, b: B, locale: "ar" },
    );
    // Named in the reader's language (Arabic here), counted as before.
    expect(arabic.areas).toHaveLength(1);
    expect(arabic.areas[0]).toMatchObject({ a: { count: 3 }, b: { count: 25 } });
    expect(["كاي", "منطقة كاي"]).toContain(arabic.areas[0]!.name);
  });

  it("finds the latest incident for the default periods", async () => {
    expect(await latestIncidentDay(viewer, {})).toEqual(new Date("2024-11-30T00:00:00Z"));
    const outsider = (await workspaceWith(["VIEWER"])).members.VIEWER;
    expect(await latestIncidentDay(outsider, {})).toBeNull();
  });
});

const LABELS: ChangeLabels = {
  title: "Change by region",
  countries: {
    MLI: "Mali",
    MRT: "Mauritania",
    SEN: "Senegal",
    GIN: "Guinea",
    BFA: "Burkina Faso",
    NER: "Niger",
    DZA: "Algeria",
    CIV: "Côte d'Ivoire",
  },
  change: (c: Change) => (c.ratio === null ? c.kind : `×${Number(c.ratio.toFixed(1))}`),
  values: (a, b) => `${a} → ${b}`,
  method: "Symbols at each region's centre, not region shapes",
  legendLater: "2024",
  legendEarlier: "2021",
  legendUp: "more",
  legendDown: "fewer",
  approximate: "approximate position",
  boundaries: "Borders",
  data: "Data",
};

describe("renderChangeMap", () => {
  it("writes the change beside each region, at a glance", async () => {
    const change = await regionChange(viewer, { eventType: "Battles" }, { a: A, b: B });
    const svg = renderChangeMap({
      areas: change.areas,
      measure: "count",
      labels: LABELS,
      credits: ["ACLED"],
    });
    const doc = parseDocument(svg, { xmlMode: true });
    const area = (name: string) =>
      DomUtils.findOne((e) => e.attribs["data-area"] === name, doc.children, true)!;
    const kayes = area("Kayes");
    expect(kayes.attribs).toMatchObject({
      "data-change": "up",
      "data-a": "3",
      "data-b": "21",
      "data-placed": "gazetteer",
    });
    expect(DomUtils.textContent(kayes)).toContain("Kayes ×7");
    expect(DomUtils.textContent(kayes)).toContain("3 → 21");
    expect(area("Mopti").attribs["data-change"]).toBe("down");
    expect(area("Gao").attribs["data-change"]).toBe("new");
    expect(DomUtils.textContent(area("Sikasso"))).toContain("approximate position");
    // The later period's disc is larger than the earlier ring where incidents rose.
    const [disc, ring] = DomUtils.getElementsByTagName("circle", kayes);
    expect(Number(disc!.attribs.r)).toBeGreaterThan(Number(ring!.attribs.r));
    const method = DomUtils.findOne(
      (e) => e.attribs["data-layer"] === "method",
      doc.children,
      true,
    )!;
    expect(DomUtils.textContent(method)).toContain("not region shapes");
    const credits = DomUtils.findOne(
      (e) => e.attribs["data-layer"] === "credits",
      doc.children,
      true,
    )!;
    expect(DomUtils.textContent(credits)).toContain("Natural Earth");
    expect(DomUtils.textContent(credits)).toContain("ACLED");
    // Fatalities instead of counts: the same symbols, other numbers.
    const byFatalities = renderChangeMap({
      areas: change.areas,
      measure: "fatalities",
      labels: LABELS,
      credits: [],
    });
    expect(byFatalities).toContain('data-a="6" data-b="42"');
  });
});
