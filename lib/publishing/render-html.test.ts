import { describe, expect, it } from "vitest";
import type { EmbedSpec } from "@/lib/incidents/query-schema";
import { embedKey, parseSpecAttr } from "./embed-nodes";
import type { FrozenCitations, FrozenEmbed, FrozenEmbeds } from "./frozen";
import { renderBriefHtml } from "./render-html";

const SOURCE = "11111111-1111-4111-8111-111111111111";

const citations: FrozenCitations = {
  style: "chicago-note-bibliography",
  language: "ar",
  notes: [
    { note: 1, html: "<i>تقرير</i>، ص 3", missing: 0 },
    { note: 2, html: "", missing: 1 },
  ],
  bibliography: [{ key: `source:${SOURCE}`, html: "تقرير. 2024." }],
  sources: [{ id: SOURCE, title: "تقرير", grade: "B2" }],
};

const tableSpec = JSON.stringify({
  kind: "table",
  filter: { admin1: "Kayes" },
  columns: ["date", "place", "fatalities"],
});
const figureSpec = JSON.stringify({
  kind: "figure",
  filter: { admin1: "Kayes" },
  metric: "fatalities",
});
const chartSpec = JSON.stringify({ kind: "chart", filter: {}, period: "year" });

function frozen(kind: "table" | "figure" | "chart", text: string, result: object): FrozenEmbed {
  const spec = parseSpecAttr(text, kind) as EmbedSpec;
  const base = {
    asOf: "2026-03-01T10:00:00.000Z",
    lastChange: null,
    changedRows: 0,
    removedRows: 0,
  };
  return {
    key: embedKey(spec),
    kind,
    spec,
    result: { ...base, kind, ...result } as FrozenEmbed["result"],
    datasets: [{ dataset: "UCDP GED", version: "25.1" }],
  };
}

const row = {
  id: "r1",
  dataset: "UCDP_GED",
  externalId: "GED-1",
  datasetVersion: "25.1",
  dateStart: "2024-02-03",
  dateEnd: "2024-02-03",
  eventType: "state-based",
  subEventType: null,
  sideA: "A",
  sideB: "B",
  admin1: "Kayes",
  admin2: null,
  placeName: "Nioro <du Sahel>",
  latitude: null,
  longitude: null,
  fatalitiesBest: 1234,
  fatalitiesLow: null,
  fatalitiesHigh: null,
  accessed: "2026-03-01",
};

const embeds: FrozenEmbeds = {
  frozenAt: "2026-03-01T10:00:00.000Z",
  incidents: [],
  embeds: [
    frozen("table", tableSpec, { rows: [row], count: 1, fatalities: 1234 }),
    frozen("figure", figureSpec, { value: 4321, ratio: null }),
    frozen("chart", chartSpec, {
      series: [
        { period: "2023", count: 2, fatalities: 5 },
        { period: "2024", count: 4, fatalities: 9 },
      ],
    }),
  ],
};

const doc = {
  type: "doc",
  content: [
    {
      type: "heading",
      attrs: { level: 2, dir: "rtl" },
      content: [{ type: "text", text: "الوضع" }],
    },
    {
      type: "paragraph",
      attrs: { dir: "rtl" },
      content: [
        { type: "text", text: "قتل " },
        { type: "incidentFigure", attrs: { spec: figureSpec } },
        { type: "text", text: " شخصا", marks: [{ type: "bold" }] },
        { type: "citation", attrs: { items: [{ kind: "source", id: SOURCE }] } },
      ],
    },
    {
      type: "paragraph",
      attrs: { dir: "ltr" },
      content: [
        { type: "text", text: "English." },
        {
          type: "citation",
          attrs: { items: [{ kind: "source", id: "22222222-2222-4222-8222-222222222222" }] },
        },
      ],
    },
    { type: "incidentTable", attrs: { spec: tableSpec } },
    { type: "incidentChart", attrs: { spec: chartSpec } },
  ],
};

describe("renderBriefHtml", () => {
  const html = renderBriefHtml({
    contentJson: doc,
    embeds,
    citations,
    language: "ar",
    direction: "RTL",
  });

  it("sets the content direction and keeps each block's own dir", () => {
    expect(html).toMatch(/^<div class="brief-body" dir="rtl" lang="ar">/);
    expect(html).toContain('<h2 dir="rtl">الوضع</h2>');
    expect(html).toContain('<p dir="ltr">English.');
  });

  it("resolves auto-direction blocks from their first strong character", () => {
    const mixed = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "2024 — هجمات" }] },
        {
          type: "paragraph",
          attrs: { dir: "auto" },
          content: [{ type: "text", text: "« Kayes »" }],
        },
        { type: "paragraph", attrs: { dir: "ltr" }, content: [{ type: "text", text: "مرحبا" }] },
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "نص" }] }],
            },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: "2024" }] },
      ],
    };
    const out = renderBriefHtml({
      contentJson: mixed,
      embeds,
      citations: { ...citations, notes: [], bibliography: [] },
      language: "fr",
      direction: "LTR",
    });
    expect(out).toContain('<p dir="rtl">2024 — هجمات</p>');
    expect(out).toContain('<p dir="ltr">« Kayes »</p>');
    expect(out).toContain('<p dir="ltr">مرحبا</p>');
    expect(out).toContain('<li dir="rtl"><p dir="rtl">نص</p></li>');
    expect(out).toContain('<p dir="auto">2024</p>');
  });

  it("turns citations into numbered footnote markers linking to the notes", () => {
    expect(html).toContain('<sup class="fn-ref" id="fnref-1"><a href="#fn-1">1</a></sup>');
    expect(html).toContain('<sup class="fn-ref" id="fnref-2"><a href="#fn-2">2</a></sup>');
    expect(html).toContain('<li id="fn-1" class="footnote"><i>تقرير</i>، ص 3');
    // A note whose source is gone says so (publishing refuses it; old versions still render).
    expect(html).toMatch(
      /<li id="fn-2" class="footnote"> <span class="missing">مصدر مفقود<\/span>/,
    );
    expect(html).toContain('<section class="footnotes"><h2>الحواشي</h2>');
    expect(html).toContain(
      '<section class="bibliography"><h2>المراجع</h2><ul><li class="bib-entry">تقرير. 2024.</li></ul>',
    );
    expect(html.indexOf("footnotes")).toBeLessThan(html.indexOf("bibliography"));
  });

  it("renders embeds from the frozen results only", () => {
    expect(html).toContain(
      '<span class="embed-figure" title="عدد القتلى · البيانات حتى 1 مارس 2026">4,321</span>',
    );
    expect(html).toContain('<figure class="embed embed-table"><table>');
    expect(html).toContain('<th scope="col">المكان</th>');
    expect(html).toContain('<td><bdi>Nioro &lt;du Sahel&gt;</bdi></td><td class="num">1,234</td>');
    expect(html).toContain("المصدر: UCDP GED 25.1");
    expect(html).toMatch(
      /<figure class="embed embed-chart"><svg viewBox="0 0 640 220" role="img" aria-label="الحوادث والقتلى حسب السنة" dir="ltr">/,
    );
    expect(html.match(/<rect /g)).toHaveLength(2);
  });

  it("says so when an embed has no frozen result instead of querying anything", () => {
    const out = renderBriefHtml({
      contentJson: doc,
      embeds: { ...embeds, embeds: [] },
      citations,
      language: "en",
      direction: "LTR",
    });
    expect(out.match(/class="embed-missing"/g)).toHaveLength(3);
    expect(out).toContain("Data not available in this version");
    expect(out).not.toContain("<table>");
  });

  it("neutralises hostile attributes a collaborator wrote into the document", () => {
    const hostile = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          attrs: { dir: '" onmouseover="alert(1)' },
          content: [
            {
              type: "text",
              text: "x",
              marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
            },
            {
              type: "text",
              text: "y",
              marks: [
                {
                  type: "link",
                  attrs: {
                    href: " data:text/html,<script>alert(1)</script>",
                    target: '"><script>alert(1)</script>',
                  },
                },
              ],
            },
            { type: "text", text: "<img src=x onerror=alert(1)>" },
            { type: "incidentFigure", attrs: { spec: '"><script>alert(1)</script>' } },
            { type: "citation", attrs: { items: '"><script>alert(1)</script>' } },
          ],
        },
        {
          type: "incidentTable",
          attrs: { spec: '{"kind":"table","filter":{"q":"<script>alert(1)</script>"}}' },
        },
      ],
    };
    const out = renderBriefHtml({
      contentJson: hostile,
      embeds,
      citations: {
        ...citations,
        notes: [{ note: 1, html: '<img src=x onerror="alert(1)">', missing: 0 }],
      },
      language: "en",
      direction: "LTR",
    });
    expect(out).not.toMatch(/<script|<img|<[^>]*\son[a-z]+=|javascript:|data:/i);
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(out).toContain('<p dir="ltr">');
  });

  it("renders an empty document when the JSON is not a document", () => {
    const out = renderBriefHtml({
      contentJson: null,
      embeds,
      citations: { ...citations, notes: [], bibliography: [] },
      language: "fr",
      direction: "LTR",
    });
    expect(out).toBe('<div class="brief-body" dir="ltr" lang="fr"><p dir="auto"></p></div>');
  });
});
