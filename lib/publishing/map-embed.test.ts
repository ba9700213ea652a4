import { readFileSync } from "node:fs";
import path from "node:path";
import type { Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cleanEmbedSpec } from "@/lib/editor/incident-embeds";
import { commitImport } from "@/lib/incidents/import/commit-import";
import { parseImportFile } from "@/lib/incidents/import/parse-import";
import { bytesSource } from "@/lib/incidents/import/read-file";
import type { Member } from "@/lib/policy/can";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { parseSpecAttr } from "./embed-nodes";
import { freezeBrief } from "./freeze";
import { getVersion } from "./queries";
import { renderBriefHtml } from "./render-html";
import { sanitizePublishedHtml } from "./sanitize-html";
import { briefWithContent, doc, embed, para } from "./test-helpers";
import { createVersion } from "./versions";

withTestDatabase("publishing-map-embed");

const { findAll, getAttributeValue, textContent } = DomUtils;

const SAMPLE = readFileSync(
  path.join(__dirname, "../incidents/fixtures/ucdp-ged-candidate-26.0.7-mali-sample.csv"),
  "utf8",
);
const meta = {
  fileName: "ucdp.csv",
  fileSize: 1,
  datasetVersion: "26.0.7",
  accessDate: new Date("2026-11-20"),
};
const importText = async (member: Member, text: string) =>
  commitImport(member, await parseImportFile(bytesSource(text), { expected: "UCDP_GED" }), meta);

/** The 12 UCDP rows of the sample, imported into a fresh workspace. */
async function sampleWorkspace() {
  const { members } = await workspaceWith(["APPROVER"]);
  await importText(members.APPROVER, SAMPLE);
  return members.APPROVER;
}

function publish(member: Member, briefId: string, frozen: Awaited<ReturnType<typeof freezeBrief>>) {
  return createVersion(db, {
    briefId,
    frozen,
    approvedById: member.userId,
    approvedAt: new Date(),
    publishedById: member.userId,
  });
}

/** The structure of the first map in `html`: marks by kind, borders, labels, layers. */
function mapStructure(html: string) {
  const dom = parseDocument(html);
  const svg = findAll(
    (e) => e.name === "svg" && /incident-map-svg/.test(e.attribs.class ?? ""),
    dom.children,
  )[0];
  if (!svg) return null;
  const inside = (test: (e: Element) => boolean) => findAll(test, svg.children);
  const marks = (kind: string) => inside((e) => e.attribs["data-mark"] === kind);
  const figure = findAll(
    (e) => e.name === "figure" && /embed-map/.test(e.attribs.class ?? ""),
    dom.children,
  )[0];
  return {
    points: marks("point").length,
    centroids: marks("centroid").length,
    clusters: marks("cluster").length,
    pointCoordinates: marks("point").map((e) => getAttributeValue(e, "data-lon-lat")),
    borders: inside((e) => e.name === "path" && e.attribs["data-country"] !== undefined).length,
    countryLabels: Object.fromEntries(
      inside((e) => e.attribs["data-country-label"] !== undefined).map((e) => [
        e.attribs["data-country-label"],
        textContent(e),
      ]),
    ),
    layers: inside((e) => e.attribs["data-layer"] !== undefined).map(
      (e) => e.attribs["data-layer"],
    ),
    credits: textContent(inside((e) => e.attribs["data-layer"] === "credits")),
    notMapped: figure ? Number(getAttributeValue(figure, "data-not-mapped")) : null,
    links: inside((e) => e.name === "a").length,
    text: textContent(figure ?? svg),
  };
}

const MAP_ALL_KAYES = { kind: "map", filter: {}, extent: "Kayes" };

describe("the map embed's spec", () => {
  it("keeps a well-formed map spec, with the country view by default", () => {
    expect(
      parseSpecAttr(JSON.stringify({ kind: "map", filter: { admin1: "Kayes" } }), "map"),
    ).toEqual({
      kind: "map",
      filter: { admin1: "Kayes" },
      extent: "mali",
    });
    expect(parseSpecAttr(MAP_ALL_KAYES, "map")).toMatchObject({ extent: "Kayes" });
  });

  it("drops hostile or malformed specs instead of passing them on", () => {
    const hostile: unknown[] = [
      { kind: "map", filter: {}, extent: "world" },
      {
        kind: "map",
        filter: {},
        extent: [
          [-180, -90],
          [180, 90],
        ],
      },
      { kind: "map", filter: {}, extent: "__proto__" },
      { kind: "map", filter: {}, extent: '"><script>alert(1)</script>' },
      { kind: "map", filter: { from: "2024-13-45" } },
      { kind: "map", filter: { admin1: "x".repeat(201) } },
      { kind: "map", filter: "Kayes" },
      { kind: "table", filter: {} },
      "{not json",
      null,
      42,
    ];
    for (const value of hostile) expect(parseSpecAttr(value, "map")).toBeNull();
    // The node attribute itself: bounded JSON of the right kind, or nothing.
    expect(cleanEmbedSpec({ kind: "map", filter: {}, q: "x".repeat(5000) }, "map")).toBe("");
    expect(cleanEmbedSpec({ kind: "chart", filter: {} }, "map")).toBe("");
    expect(cleanEmbedSpec(MAP_ALL_KAYES, "map")).toBe(JSON.stringify(MAP_ALL_KAYES));
  });

  it("a broken map is a publish problem, never an error, and leaves nothing in the HTML", async () => {
    const member = await sampleWorkspace();
    const briefId = await briefWithContent(
      member,
      doc(
        para("Before"),
        embed("incidentMap", '{"kind":"map","filter":{},"extent":"<svg onload=alert(1)>"}'),
        embed("incidentMap", MAP_ALL_KAYES),
      ),
    );
    const frozen = await freezeBrief(member, briefId);
    expect(frozen.problems).toEqual([{ kind: "brokenEmbed", index: 1, reason: "invalidSpec" }]);
    expect(frozen.embeds.embeds.map((e) => e.kind)).toEqual(["map"]);
    expect(frozen.html).not.toMatch(/onload|<script|alert/);
    expect(frozen.html).toContain("Data not available in this version");
    expect(mapStructure(frozen.html)?.points).toBe(2);
  });
});

describe("a frozen map", () => {
  it("stores its rows and draws the published SVG from them: Kayes's 2 points and 2 area centres", async () => {
    const member = await sampleWorkspace();
    const briefId = await briefWithContent(
      member,
      doc(para("Kayes:"), embed("incidentMap", MAP_ALL_KAYES)),
    );
    const frozen = await freezeBrief(member, briefId);
    expect(frozen.problems).toEqual([]);
    const [map] = frozen.embeds.embeds;
    expect(map?.kind).toBe("map");
    const result = map?.result.kind === "map" ? map.result : null;
    expect(result?.rows).toHaveLength(12);
    expect(result).toMatchObject({ extent: "Kayes", truncated: false, count: 12 });
    expect(result?.rows[0]).toMatchObject({
      dataset: "UCDP_GED",
      datasetVersion: "26.0.7",
      accessed: "2026-11-20",
      dateStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(result?.credits).toEqual([
      "UCDP Candidate Events Dataset v26.0.7, Uppsala Conflict Data Program, Uppsala University (CC BY 4.0)",
    ]);
    expect(map?.datasets).toEqual([{ dataset: "UCDP GED", version: "26.0.7" }]);

    const structure = mapStructure(frozen.html);
    expect(structure).toMatchObject({
      points: 2,
      centroids: 2,
      clusters: 0,
      // The 8 rows outside the Kayes region are counted, not drawn.
      notMapped: 8,
      links: 0,
      layers: ["borders", "country-labels", "marks", "legend", "credits"],
    });
    expect(structure?.borders).toBeGreaterThanOrEqual(3);
    expect(structure?.countryLabels).toMatchObject({
      MLI: "Mali",
      SEN: "Senegal",
      MRT: "Mauritania",
    });
    expect(structure?.credits).toContain("Natural Earth");
    expect(structure?.credits).toContain("UCDP Candidate Events Dataset v26.0.7");
    expect(structure?.text).toContain("Map of incidents · Kayes region");
    expect(structure?.text).toContain(
      "Rows not mapped (no usable coordinates, or outside this map): 8",
    );
  });

  it("is labelled in the brief's language: Arabic country names, legend and a right-to-left key", async () => {
    const member = await sampleWorkspace();
    const briefId = await briefWithContent(
      member,
      doc(para("خريطة"), embed("incidentMap", { kind: "map", filter: {} })),
      { language: "ar", direction: "RTL" },
    );
    const frozen = await freezeBrief(member, briefId);
    const structure = mapStructure(frozen.html);
    expect(structure?.countryLabels).toEqual({
      MLI: "مالي",
      MRT: "موريتانيا",
      SEN: "السنغال",
      GIN: "غينيا",
      BFA: "بوركينا فاسو",
      NER: "النيجر",
      DZA: "الجزائر",
      CIV: "كوت ديفوار",
    });
    expect(structure?.text).toContain("خريطة الحوادث · مالي");
    expect(frozen.html).toContain('direction="rtl"');
    // The whole country: all 12 rows are on the map, none left out.
    expect(structure?.notMapped).toBe(0);
    expect(structure!.points + structure!.centroids + structure!.clusters).toBeGreaterThanOrEqual(
      8,
    );
  });

  it("stays as published when a re-import moves one of its rows", async () => {
    const member = await sampleWorkspace();
    const briefId = await briefWithContent(member, doc(embed("incidentMap", MAP_ALL_KAYES)));
    const v1 = await publish(member, briefId, await freezeBrief(member, briefId));
    const before = await getVersion(briefId, v1.number);
    expect(mapStructure(before!.html)?.pointCoordinates).toContain("-10.305606,14.703479");

    // The revised release locates row 636520 in Timbuktu instead of Kayes.
    const moved = SAMPLE.replace("14.703479,-10.305606", "16.500000,-3.500000");
    expect(moved).not.toBe(SAMPLE);
    expect(await importText(member, moved)).toMatchObject({ updated: 1 });

    const now = await freezeBrief(member, briefId);
    expect(mapStructure(now.html)).toMatchObject({ points: 1, centroids: 2, notMapped: 9 });

    const after = await getVersion(briefId, v1.number);
    expect(after!.html).toBe(before!.html);
    expect(mapStructure(after!.html)).toMatchObject({ points: 2, centroids: 2, notMapped: 8 });
    const frozenRow = after!.embeds.embeds[0]?.result;
    expect(
      frozenRow?.kind === "map" && frozenRow.rows.find((r) => r.externalId === "636520"),
    ).toMatchObject({ latitude: 14.703479, longitude: -10.305606 });
    // Drawn again from the version's own frozen rows, the map is the same.
    expect(
      renderBriefHtml({
        contentJson: after!.contentJson,
        embeds: after!.embeds,
        citations: after!.citations,
        language: after!.language,
        direction: after!.direction,
      }),
    ).toBe(after!.html);
  });
});

describe("the sanitizer and the map", () => {
  it("keeps the map's drawing and strips scripts, handlers and unsafe values inside it", async () => {
    const member = await sampleWorkspace();
    const briefId = await briefWithContent(member, doc(embed("incidentMap", MAP_ALL_KAYES)));
    const frozen = await freezeBrief(member, briefId);
    // Sanitizing the published HTML again changes nothing: the map is all allowed.
    expect(sanitizePublishedHtml(frozen.html)).toBe(frozen.html);

    const hostile =
      `<figure class="embed embed-map"><svg class="incident-map-svg" viewBox="0 0 10 10" onload="alert(1)">` +
      `<script>alert(2)</script>` +
      `<g data-mark="point" onclick="alert(3)"><circle cx="1" cy="1" r="2" fill="url(javascript:alert(4))" stroke="#fff"></circle></g>` +
      `<a href="javascript:alert(5)"><text x="1" y="1">x</text></a>` +
      `<foreignObject><iframe src="https://evil.example"></iframe></foreignObject>` +
      `<use href="#x"></use><image href="https://evil.example/x.png"></image>` +
      `<animate attributeName="href" to="javascript:alert(6)"></animate>` +
      `<path d="M0 0L5 5" style="fill:url(https://evil.example)" data-country="466"></path>` +
      `</svg></figure>`;
    const clean = sanitizePublishedHtml(hostile);
    expect(clean).not.toMatch(
      /alert|javascript|evil|onload|onclick|<script|<iframe|<use|<image|<animate|foreignObject|style=/i,
    );
    expect(clean).toContain('<circle cx="1" cy="1" r="2" stroke="#fff"></circle>');
    expect(clean).toContain('<path d="M0 0L5 5" data-country="466"></path>');
    expect(clean).toContain('<g data-mark="point">');
  });
});
