/**
 * The demo briefs. The facts come from a Timbuktu Institute report as relayed by an
 * Arabic-language news article on JNIM in the Kayes region (see README, "Demo data"), and
 * from the UCDP candidate events the seed imports (lib/demo/incidents.ts); the sentences are
 * our own.
 */
import { DEMO_USERS } from "./content";
import type { DemoBlock } from "./document";
import { DEMO_SOURCES } from "./sources";

export type DemoBrief = {
  id: string;
  title: string;
  language: "en" | "fr" | "ar";
  status: "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED";
  author: (typeof DEMO_USERS)[number]["email"];
  /** Paragraphs (text, footnotes, inline figures) and live incident tables and charts. */
  blocks: DemoBlock[];
};

const [TIMBUKTU_REPORT, ARABIC_ARTICLE, MELGUE_ARTICLE, TRANSPORTER_INTERVIEW] = DEMO_SOURCES.map(
  (s) => s.title,
) as [string, string, string, string];

/** The Kayes region rows of the UCDP sample the seed imports (lib/demo/incidents.ts). */
export const KAYES_ROWS = ["636520", "636664", "636592", "636798"];
const KAYES = { admin1: "Kayes" };
const KAYES_JNIM = { admin1: "Kayes", actor: "JNIM" };

// Fixed ids keep seeding idempotent and let a re-seed leave analysts' edits alone.
export const DEMO_BRIEFS: DemoBrief[] = [
  {
    id: "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a01",
    title: "جماعة نصرة الإسلام والمسلمين تتمدد في إقليم كايس",
    language: "ar",
    status: "DRAFT",
    author: "editor@briefroom.test",
    blocks: [
      [
        "يرصد هذا الموجز اتساع نشاط جماعة نصرة الإسلام والمسلمين في إقليم كايس غرب مالي، وانعكاساته على موريتانيا والسنغال.",
      ],
      [
        "بحسب تقرير لمعهد تمبكتو، تضاعف عدد هجمات الجماعة في الإقليم سبع مرات بين عامي 2021 و2024، وتركزت أساسًا على قوات الأمن المالية.",
        { cite: [ARABIC_ARTICLE] },
      ],
      [
        "في فبراير، أسفر هجوم في ميلجي عن مقتل ثلاثة جنود ماليين وإصابة ثلاثة آخرين.",
        { cite: [MELGUE_ARTICLE] },
      ],
      [
        "وتسجّل بيانات برنامج أوبسالا لبيانات النزاعات (UCDP) لشهر يوليو 2026 ",
        { figure: { filter: KAYES, metric: "count" } },
        " اشتباكات بين الجيش المالي والجماعة في إقليم كايس.",
        { citeRows: KAYES_ROWS },
      ],
      [
        "يشير التقرير إلى سعي الجماعة إلى قطع طريق الإمداد الرئيسي للعاصمة باماكو، وإلى انتشار الدعوة وجباية الضرائب في هذا الجزء من الإقليم، بل وفرض ضرائب على أنشطة تجارية عبر الحدود.",
      ],
    ],
  },
  {
    id: "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a02",
    title: "Kayes: JNIM pressure on Bamako's western supply route",
    language: "en",
    status: "IN_REVIEW",
    author: "editor@briefroom.test",
    blocks: [
      [
        "JNIM attacks in the Kayes region rose roughly sevenfold between 2021 and 2024, according to the Timbuktu Institute, with Malian security forces the main target.",
        { cite: [TIMBUKTU_REPORT] },
      ],
      [
        "The desk's UCDP candidate events for July 2026 record ",
        { figure: { filter: KAYES_JNIM, metric: "count" } },
        " clashes between the Malian army and JNIM in the region, with ",
        { figure: { filter: KAYES_JNIM, metric: "fatalities" } },
        " deaths (best estimate), from Sandaré in Nioro cercle to the outskirts of Soribougou near Kita.",
        { citeRows: KAYES_ROWS },
      ],
      { table: { filter: KAYES, limit: 10 } },
      [
        "Incidents per year in the Kayes region, from the same rows. The sample covers July 2026 only, so the chart has a single bar until earlier UCDP releases are imported; it follows every import by itself.",
      ],
      { chart: { filter: KAYES, period: "year", measure: "count" } },
      [
        "The group appears to be working to cut the corridors that supply Bamako from the west, which would stretch the security forces and isolate the capital.",
      ],
      [
        "Preaching and the collection of taxes, long common in central Mali, are now reported in western Kayes too.",
        { cite: [TRANSPORTER_INTERVIEW] },
      ],
    ],
  },
  {
    id: "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a03",
    title: "Kayes : le JNIM aux portes de la Mauritanie et du Sénégal",
    language: "fr",
    status: "DRAFT",
    author: "approver@briefroom.test",
    blocks: [
      [
        "L'activité du JNIM ne se limite plus au territoire malien : ses effets se font sentir en Mauritanie et au Sénégal.",
        { cite: [TIMBUKTU_REPORT] },
      ],
      [
        "Dans la région de Kayes, frontalière des deux pays, l'UCDP recense ",
        { figure: { filter: KAYES, metric: "count" } },
        " affrontements entre l'armée malienne et le JNIM en juillet 2026, dont deux autour de Sandaré, dans le nord de la région.",
        { citeRows: ["636520", "636664"] },
      ],
      [
        "Le groupe aurait commencé à taxer certaines activités commerciales dans ces pays voisins, signe d'une volonté d'y étendre son emprise économique.",
      ],
      ["Les États voisins cherchent à renforcer leur coopération sécuritaire face à cette menace."],
    ],
  },
];
