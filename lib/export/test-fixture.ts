/**
 * A published version built by hand for export tests: English and Arabic paragraphs, marks,
 * a link, lists, a table, a quotation, two footnotes (one Arabic), an incident table, an
 * inline figure and a chart with their frozen results, and a bibliography.
 */
import type { JSONContent } from "@tiptap/core";
import type { IncidentEmbedKind } from "@/lib/editor/incident-embeds";
import { embedKey, parseSpecAttr } from "@/lib/publishing/embed-nodes";
import type { FrozenCitations, FrozenEmbeds } from "@/lib/publishing/frozen";
import { renderBriefHtml } from "@/lib/publishing/render-html";
import type { ExportVersion } from "./export-version";

export const TABLE_SPEC = {
  kind: "table",
  filter: { admin1: "Kayes" },
  sort: "date",
  dir: "desc",
  limit: 10,
  columns: ["date", "actors", "place", "fatalities"],
} as const;
export const FIGURE_SPEC = {
  kind: "figure",
  filter: { admin1: "Kayes" },
  metric: "fatalities",
} as const;
export const CHART_SPEC = {
  kind: "chart",
  filter: { admin1: "Kayes" },
  measure: "count",
  period: "year",
} as const;

const p = (text: string, dir = "auto", extra: JSONContent[] = []): JSONContent => ({
  type: "paragraph",
  attrs: { dir },
  content: [{ type: "text", text }, ...extra],
});
const cite = (): JSONContent => ({ type: "citation", attrs: { items: [] } });
const cell = (type: string, text: string): JSONContent => ({ type, content: [p(text)] });

export const FIXTURE_JSON: JSONContent = {
  type: "doc",
  content: [
    {
      type: "heading",
      attrs: { level: 1, dir: "auto" },
      content: [{ type: "text", text: "Security situation in Kayes" }],
    },
    p("Attacks on the Dakar corridor increased sharply in 2024.", "auto", [
      cite(),
      { type: "text", text: " Fatalities reached " },
      { type: "incidentFigure", attrs: { spec: JSON.stringify(FIGURE_SPEC) } },
      { type: "text", text: " over the year." },
    ]),
    {
      type: "paragraph",
      attrs: { dir: "auto" },
      content: [
        { type: "text", text: "Bold words", marks: [{ type: "bold" }] },
        { type: "text", text: " and " },
        {
          type: "text",
          text: "the mission report",
          marks: [{ type: "link", attrs: { href: "https://example.org/report" } }],
        },
        { type: "hardBreak" },
        { type: "text", text: "second line" },
      ],
    },
    p("تصاعدت الهجمات على ممر داكار في منطقة كاي خلال عام ٢٠٢٤.", "rtl", [cite()]),
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [p("First observation")] },
        { type: "listItem", content: [p("Second observation")] },
      ],
    },
    {
      type: "orderedList",
      attrs: { start: 1 },
      content: [{ type: "listItem", content: [p("Step one")] }],
    },
    { type: "blockquote", content: [p("A quoted witness statement.")] },
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [cell("tableHeader", "Cercle"), cell("tableHeader", "Events")],
        },
        {
          type: "tableRow",
          content: [cell("tableCell", "Nioro du Sahel"), cell("tableCell", "42")],
        },
      ],
    },
    { type: "horizontalRule" },
    { type: "incidentTable", attrs: { spec: JSON.stringify(TABLE_SPEC) } },
    { type: "incidentChart", attrs: { spec: JSON.stringify(CHART_SPEC) } },
  ],
};

/** The key the publisher stores an embed's result under (lib/publishing/embed-nodes.ts). */
function key(kind: IncidentEmbedKind, spec: object): string {
  const parsed = parseSpecAttr(spec, kind);
  if (!parsed) throw new Error(`fixture spec of ${kind} is invalid`);
  return embedKey(parsed);
}

const base = { asOf: "2026-11-20T10:00:00.000Z", lastChange: null, changedRows: 0, removedRows: 0 };
const row = (externalId: string, date: string, place: string, fatalities: number) => ({
  id: `00000000-0000-4000-8000-00000000000${externalId.length}`,
  dataset: "ACLED",
  externalId,
  datasetVersion: "2024-12",
  dateStart: date,
  dateEnd: date,
  eventType: "Violence against civilians",
  subEventType: "Attack",
  sideA: "JNIM",
  sideB: "Civilians (Mali)",
  admin1: "Kayes",
  admin2: "Nioro",
  placeName: place,
  latitude: 15.2,
  longitude: -9.6,
  fatalitiesBest: fatalities,
  fatalitiesLow: fatalities,
  fatalitiesHigh: fatalities,
  accessed: "2026-11-01",
});

export const FIXTURE_EMBEDS = {
  frozenAt: base.asOf,
  incidents: [],
  embeds: [
    {
      key: key("table", TABLE_SPEC),
      kind: "table",
      spec: { ...TABLE_SPEC, columns: [...TABLE_SPEC.columns] },
      datasets: [{ dataset: "ACLED", version: "2024-12" }],
      result: {
        ...base,
        kind: "table",
        rows: [
          row("MLI1", "2024-06-02", "Diéma", 7),
          row("MLI22", "2024-03-15", "Nioro du Sahel", 3),
        ],
        count: 2,
        fatalities: 10,
      },
    },
    {
      key: key("figure", FIGURE_SPEC),
      kind: "figure",
      spec: FIGURE_SPEC,
      datasets: [],
      result: { ...base, kind: "figure", value: 1234, ratio: null },
    },
    {
      key: key("chart", CHART_SPEC),
      kind: "chart",
      spec: CHART_SPEC,
      datasets: [],
      result: {
        ...base,
        kind: "chart",
        series: [
          { period: "2023", count: 11, fatalities: 20 },
          { period: "2024", count: 17, fatalities: 35 },
        ],
      },
    },
  ],
} as unknown as FrozenEmbeds;

export const FIXTURE_CITATIONS: FrozenCitations = {
  style: "chicago-note-bibliography",
  language: "en",
  notes: [
    { note: 1, html: "MINUSMA, <i>Quarterly Note on Human Rights</i>, 12.", missing: 0 },
    { note: 2, html: "الأمم المتحدة، تقرير عن الوضع في كاي، ص ٣.", missing: 0 },
  ],
  bibliography: [
    { key: "b1", html: "MINUSMA. <i>Quarterly Note on Human Rights</i>. Bamako, 2024." },
    { key: "b2", html: "الأمم المتحدة. تقرير عن الوضع في كاي. ٢٠٢٤." },
  ],
  sources: [],
};

export function fixtureVersion(overrides: Partial<ExportVersion> = {}): ExportVersion {
  const language = overrides.language ?? "en";
  const direction = overrides.direction ?? "LTR";
  const html = renderBriefHtml({
    contentJson: FIXTURE_JSON,
    embeds: FIXTURE_EMBEDS,
    citations: FIXTURE_CITATIONS,
    language,
    direction,
  });
  return {
    id: "00000000-0000-4000-8000-000000000001",
    slug: "kayes-weekly",
    number: 1,
    title: "Kayes weekly",
    language: "en",
    direction: "LTR",
    html,
    contentJson: FIXTURE_JSON,
    embeds: FIXTURE_EMBEDS,
    citations: FIXTURE_CITATIONS,
    approverName: "Aminata Approver",
    approvedAt: new Date("2026-11-20T09:00:00Z"),
    publishedAt: new Date("2026-11-20T09:30:00Z"),
    ...overrides,
  };
}
