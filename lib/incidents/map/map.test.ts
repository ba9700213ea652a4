import { DomUtils, parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import { describe, expect, it } from "vitest";
import { countriesIn, LABELLED_COUNTRIES } from "./borders";
import { layoutMarks, type MapRow } from "./layout";
import { notMappedReason } from "./not-mapped";
import { locationPrecision } from "./precision";
import { MALI_EXTENT, mapProjection } from "./projection";
import { renderIncidentMap, type MapLabels } from "./render-svg";
import { ucdpSampleRows } from "./test-rows";

const LABELS: MapLabels = {
  title: "Incident map",
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
  precision: {
    exact: "exact location",
    near: "within 25 km",
    district: "located to the district",
    region: "located to the region",
    wide: "located to a wide area",
    country: "located to the country",
    international: "international waters",
    unknown: "precision not stated",
  },
  fatalities: (n) => `${n} fatalities`,
  incidents: (n) => `${n} incidents`,
  legendPoint: "Located point",
  legendCentroid: "Area centre",
  legendCluster: "Several incidents",
  boundaries: "Borders",
  data: "Data",
  formatDate: (d) => d.toISOString().slice(0, 10),
};

/** Mali's bounding box (Natural Earth), degrees. */
const MALI_BBOX = { west: -12.3, east: 4.3, south: 10.1, north: 25.0 };

function render(rows: MapRow[]) {
  return renderIncidentMap({
    rows,
    labels: LABELS,
    detailBase: "/w/demo/incidents",
    credits: ["UCDP Candidate Events Dataset v26.0.7, Uppsala Conflict Data Program"],
  });
}

function marks(svg: string): Element[] {
  const doc = parseDocument(svg, { xmlMode: true });
  return DomUtils.findAll((e) => e.attribs["data-mark"] !== undefined, doc.children);
}

const row = (over: Partial<MapRow>): MapRow => ({
  id: "r",
  dataset: "UCDP_GED",
  externalId: "1",
  dateStart: new Date("2026-07-07T00:00:00Z"),
  eventType: "state-based",
  sideA: "Government of Mali",
  sideB: "JNIM",
  placeName: "Sandaré",
  admin1: "Kayes region",
  latitude: 14.7,
  longitude: -10.3,
  geoPrecision: 1,
  fatalitiesBest: 1,
  ...over,
});

describe("location precision", () => {
  it("draws only exact and near rows as points, for UCDP and ACLED alike", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((p) => locationPrecision("UCDP_GED", p))).toEqual([
      { level: "exact", point: true },
      { level: "near", point: true },
      { level: "district", point: false },
      { level: "region", point: false },
      { level: "wide", point: false },
      { level: "country", point: false },
      { level: "international", point: false },
    ]);
    expect([1, 2, 3].map((p) => locationPrecision("ACLED", p).level)).toEqual([
      "exact",
      "near",
      "region",
    ]);
    expect(locationPrecision("ACLED", 3).point).toBe(false);
  });

  it("never treats an unstated or unknown precision as exact", () => {
    expect(locationPrecision("INHOUSE", null)).toEqual({ level: "unknown", point: false });
    expect(locationPrecision("UCDP_GED", null).point).toBe(false);
    expect(locationPrecision("ACLED", 9).level).toBe("unknown");
  });
});

describe("not mapped", () => {
  it("refuses missing, (0, 0), out-of-range and off-map coordinates", () => {
    expect(notMappedReason(null, -8, MALI_EXTENT)).toBe("missing");
    expect(notMappedReason(14, undefined, MALI_EXTENT)).toBe("missing");
    expect(notMappedReason(Number.NaN, -8, MALI_EXTENT)).toBe("missing");
    expect(notMappedReason(0, 0, MALI_EXTENT)).toBe("zero");
    expect(notMappedReason(91, -8, MALI_EXTENT)).toBe("outOfRange");
    expect(notMappedReason(14, -181, MALI_EXTENT)).toBe("outOfRange");
    expect(notMappedReason(48.85, 2.35, MALI_EXTENT)).toBe("outsideMap");
    expect(notMappedReason(14.7, -10.3, MALI_EXTENT)).toBeNull();
    // A longitude of 0 is a real meridian (it crosses Mali near Gao): only both zero is refused.
    expect(notMappedReason(16.3, 0, MALI_EXTENT)).toBeNull();
  });
});

describe("projection and borders", () => {
  it("puts Bamako inside the frame, west of Gao, and the frame's corners on its edges", () => {
    const p = mapProjection(MALI_EXTENT, 800, 600);
    const bamako = p([-8.0, 12.65])!;
    const gao = p([-0.04, 16.27])!;
    expect(bamako[0]).toBeGreaterThan(0);
    expect(bamako[0]).toBeLessThan(gao[0]);
    expect(bamako[1]).toBeGreaterThan(gao[1]);
    const [west, north] = p([MALI_EXTENT[0][0], MALI_EXTENT[1][1]])!;
    const [east, south] = p([MALI_EXTENT[1][0], MALI_EXTENT[0][1]])!;
    expect(Math.min(west, north)).toBeGreaterThanOrEqual(-0.5);
    expect(east).toBeLessThanOrEqual(800.5);
    expect(south).toBeLessThanOrEqual(600.5);
  });

  it("draws Mali and every neighbour named in the brief, from the bundled Natural Earth data", () => {
    const ids = new Set(countriesIn(MALI_EXTENT).map((c) => c.id));
    for (const { id } of Object.values(LABELLED_COUNTRIES)) expect(ids).toContain(id);
    expect(ids).not.toContain("392"); // Japan is far off this map
  });
});

describe("layout", () => {
  it("clusters exact points that share a grid cell and keeps far ones apart", () => {
    const rows = [
      row({ id: "a", latitude: 14.32, longitude: -5.886 }),
      row({ id: "b", latitude: 14.25, longitude: -5.993 }),
      row({ id: "c", latitude: 12.94, longitude: -8.657 }),
    ];
    const p = mapProjection(MALI_EXTENT, 800, 600);
    const layout = layoutMarks(rows, p, MALI_EXTENT);
    expect(layout.points.map((m) => m.row.id)).toEqual(["c"]);
    expect(layout.clusters.map((m) => m.rows.map((r) => r.id))).toEqual([["a", "b"]]);
  });

  it("groups rows coded to the same centroid at the same precision into one ring", () => {
    const rows = [
      row({ id: "a", latitude: 14, longitude: -11, geoPrecision: 4 }),
      row({ id: "b", latitude: 14, longitude: -11, geoPrecision: 4 }),
      row({ id: "c", latitude: 14, longitude: -11, geoPrecision: 3 }),
    ];
    const layout = layoutMarks(rows, mapProjection(MALI_EXTENT, 800, 600), MALI_EXTENT);
    expect(layout.points).toEqual([]);
    expect(layout.centroids.map((c) => [c.level, c.rows.length])).toEqual([
      ["region", 2],
      ["district", 1],
    ]);
  });
});

describe("the SVG of the UCDP sample", () => {
  it("draws all 12 rows inside Mali, the region- and country-level ones as marked centroids", async () => {
    const rows = await ucdpSampleRows();
    expect(rows).toHaveLength(12);
    const { svg, layout } = render(rows);
    const all = marks(svg);
    const count = (es: Element[]) => es.reduce((n, e) => n + Number(e.attribs["data-count"]), 0);
    expect(count(all)).toBe(12);
    expect(layout.notMapped).toEqual([]);

    const centroids = all.filter((e) => e.attribs["data-mark"] === "centroid");
    expect(centroids.map((e) => e.attribs["data-precision"]).sort()).toEqual([
      "country",
      "region",
      "wide",
    ]);
    // Each centroid is a dashed ring with its precision written beside it, never a pin.
    for (const c of centroids) {
      const ring = DomUtils.findOne((e) => e.name === "circle", c.children)!;
      expect(ring.attribs["stroke-dasharray"]).toBeTruthy();
      expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === "text", c.children)!)).toBe(
        LABELS.precision[c.attribs["data-precision"] as "region"],
      );
    }
    // The two Niono rows, 12 km apart, share one cluster; the rest are single points.
    const clusters = all.filter((e) => e.attribs["data-mark"] === "cluster");
    expect(clusters.map((e) => e.attribs["data-count"])).toEqual(["2"]);
    expect(all.filter((e) => e.attribs["data-mark"] === "point")).toHaveLength(7);

    for (const m of [...layout.points, ...layout.centroids, ...layout.clusters]) {
      for (const r of "row" in m ? [m.row] : m.rows) {
        expect(r.longitude!).toBeGreaterThan(MALI_BBOX.west);
        expect(r.longitude!).toBeLessThan(MALI_BBOX.east);
        expect(r.latitude!).toBeGreaterThan(MALI_BBOX.south);
        expect(r.latitude!).toBeLessThan(MALI_BBOX.north);
      }
    }
  });

  it("gives each point a tooltip (date, actors, fatalities) and a link to its row", async () => {
    const rows = await ucdpSampleRows();
    const { svg } = render(rows);
    const sandare = marks(svg).find((e) => e.attribs["data-lon-lat"] === "-10.305606,14.703479")!;
    expect(sandare.name).toBe("a");
    expect(sandare.attribs.href).toBe("/w/demo/incidents/ucdp-636520");
    const title = DomUtils.textContent(DomUtils.findOne((e) => e.name === "title", [sandare])!);
    expect(title).toBe(
      "2026-07-07 · Government of Mali – JNIM · 1 fatalities · Sandare village, Kayes region",
    );
  });

  it("draws the 4 Kayes rows: 2 points and 2 centroids", async () => {
    const kayes = (await ucdpSampleRows()).filter((r) => r.admin1 === "Kayes region");
    expect(kayes).toHaveLength(4);
    const all = marks(render(kayes).svg);
    expect(all.map((e) => e.attribs["data-mark"]).sort()).toEqual([
      "centroid",
      "centroid",
      "point",
      "point",
    ]);
  });

  it("lists bad coordinates as not mapped and draws nothing at (0, 0)", async () => {
    const rows = [
      ...(await ucdpSampleRows()),
      row({ id: "zero", latitude: 0, longitude: 0 }),
      row({ id: "none", latitude: null, longitude: null }),
      row({ id: "far", latitude: 123, longitude: -8 }),
    ];
    const { svg, layout } = render(rows);
    expect(layout.notMapped.map((n) => [n.row.id, n.reason])).toEqual([
      ["zero", "zero"],
      ["none", "missing"],
      ["far", "outOfRange"],
    ]);
    const all = marks(svg);
    expect(all.reduce((n, e) => n + Number(e.attribs["data-count"]), 0)).toBe(12);
    expect(svg).not.toContain('data-lon-lat="0,0"');
  });

  it("credits Natural Earth and the dataset, and names the countries", async () => {
    const { svg } = render(await ucdpSampleRows());
    const doc = parseDocument(svg, { xmlMode: true });
    const credits = DomUtils.findOne((e) => e.attribs["data-layer"] === "credits", doc.children)!;
    expect(DomUtils.textContent(credits)).toContain("Natural Earth");
    expect(DomUtils.textContent(credits)).toContain("UCDP Candidate Events Dataset v26.0.7");
    const names = DomUtils.findAll(
      (e) => e.attribs["data-country-label"] !== undefined,
      doc.children,
    );
    expect(names.map((e) => DomUtils.textContent(e))).toContain("Mauritania");
    expect(names).toHaveLength(8);
  });
});
