/**
 * A deterministic 50-page brief for the publishing benchmark: ~25,000 words in sections
 * with headings, paragraphs (about one in eight in Arabic, right to left), bullet lists,
 * tables, ~150 citations (library sources and incident rows) and 10 incident embeds.
 */
const EN =
  "the armed groups expanded their presence along the corridor while local militias negotiated access to markets and water points in several communes of the cercle and the army conducted patrols that displaced civilians towards the regional capital where humanitarian partners reported rising needs and insecurity on the main roads".split(
    " ",
  );
const AR =
  "وسعت الجماعات المسلحة وجودها على طول الممر بينما تفاوضت الميليشيات المحلية على الوصول إلى الأسواق ونقاط المياه في عدة بلديات وقام الجيش بدوريات أدت إلى نزوح المدنيين نحو العاصمة الإقليمية".split(
    " ",
  );
const REGIONS = ["Kayes", "Mopti", "Segou", "Timbuktu", "Gao"];

function words(vocabulary: string[], count: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++)
    out.push(vocabulary[(seed * 7 + i * 13 + (i >> 3)) % vocabulary.length]!);
  const text = out.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

type Node = Record<string, unknown>;
const text = (t: string): Node => ({ type: "text", text: t });
const para = (dir: string, ...content: Node[]): Node => ({
  type: "paragraph",
  attrs: { dir },
  content,
});
const embed = (type: string, spec: object): Node => ({
  type,
  attrs: { spec: JSON.stringify(spec) },
});

export type CitationTargets = {
  sourceIds: string[];
  incidents: { rowId: string; version: string }[];
};

export function benchBrief(targets: CitationTargets): {
  json: Node;
  words: number;
  citations: number;
  embeds: number;
} {
  const content: Node[] = [];
  let wordCount = 0;
  let citations = 0;
  let embeds = 0;
  const cite = (): Node => {
    citations += 1;
    const item =
      citations % 5 === 0 && targets.incidents.length
        ? {
            kind: "incident",
            dataset: "ACLED",
            ...targets.incidents[citations % targets.incidents.length]!,
            accessed: "2026-11-01",
          }
        : {
            kind: "source",
            id: targets.sourceIds[citations % targets.sourceIds.length]!,
            locator: String((citations % 40) + 1),
            label: "page",
          };
    return { type: "citation", attrs: { items: [item] } };
  };
  for (let section = 0; section < 10; section++) {
    const region = REGIONS[section % REGIONS.length]!;
    content.push({
      type: "heading",
      attrs: { level: 1, dir: "auto" },
      content: [text(`${section + 1}. ${region}: situation and outlook`)],
    });
    for (let sub = 0; sub < 3; sub++) {
      content.push({
        type: "heading",
        attrs: { level: 2, dir: "auto" },
        content: [
          text(
            `${section + 1}.${sub + 1} ${["Security", "Humanitarian access", "Political dynamics"][sub]}`,
          ),
        ],
      });
      for (let p = 0; p < 7; p++) {
        const seed = section * 100 + sub * 10 + p;
        const arabic = seed % 8 === 3;
        const body = words(arabic ? AR : EN, 110, seed);
        wordCount += 110;
        const parts: Node[] = [text(body)];
        if (seed % 3 !== 2 && citations < 150) parts.push(cite());
        if (!arabic && p === 4)
          parts.push(text(" In bold: "), {
            type: "text",
            text: "escalation is likely.",
            marks: [{ type: "bold" }],
          });
        content.push(para(arabic ? "rtl" : "auto", ...parts));
      }
      content.push({
        type: "bulletList",
        content: [1, 2, 3, 4].map((i) => ({
          type: "listItem",
          content: [para("auto", text(words(EN, 18, section + i)))],
        })),
      });
      wordCount += 72;
    }
    const cell = (type: string, t: string) => ({ type, content: [para("auto", text(t))] });
    content.push({
      type: "table",
      content: [
        {
          type: "tableRow",
          content: ["Cercle", "Events", "Fatalities", "Trend"].map((h) => cell("tableHeader", h)),
        },
        ...[1, 2, 3, 4, 5, 6].map((r) => ({
          type: "tableRow",
          content: [
            `${region} ${r}`,
            String(r * 7 + section),
            String(r * 3),
            r % 2 ? "rising" : "stable",
          ].map((c) => cell("tableCell", c)),
        })),
      ],
    });
    // Ten embeds over real imported rows: a table, a chart or an inline figure per section.
    const filter = { admin1: region, from: `${2019 + (section % 4)}-01-01` };
    if (section % 3 === 0)
      content.push(
        embed("incidentTable", {
          kind: "table",
          filter,
          sort: "fatalities",
          dir: "desc",
          limit: 20,
          columns: ["date", "actors", "admin2", "place", "fatalities"],
        }),
      );
    else if (section % 3 === 1)
      content.push(
        embed("incidentChart", { kind: "chart", filter, measure: "count", period: "year" }),
      );
    else
      content.push(
        para(
          "auto",
          text(`Fatalities recorded in ${region} since ${filter.from}: `),
          embed("incidentFigure", { kind: "figure", filter, metric: "fatalities" }),
          text("."),
        ),
      );
    embeds += 1;
  }
  return { json: { type: "doc", content }, words: wordCount, citations, embeds };
}
