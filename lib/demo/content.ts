/**
 * Demo workspace content. The facts come from a Timbuktu Institute report as relayed by an
 * Arabic-language news article on JNIM in the Kayes region (see README, "Demo data"); the
 * sentences are our own.
 */
export const DEMO_PASSWORD = "briefroom-demo";

export const DEMO_WORKSPACE = { slug: "western-mali", name: "Western Mali desk" } as const;

export const DEMO_USERS = [
  { email: "editor@briefroom.test", name: "Aminata Traoré", role: "EDITOR", locale: "fr" },
  { email: "approver@briefroom.test", name: "Moussa Diallo", role: "APPROVER", locale: "en" },
  { email: "viewer@briefroom.test", name: "Claire Martin", role: "VIEWER", locale: "en" },
  { email: "admin@briefroom.test", name: "Salma Ould Ahmed", role: "ADMIN", locale: "ar" },
] as const;

export type DemoBrief = {
  id: string;
  title: string;
  language: "en" | "fr" | "ar";
  status: "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED";
  author: (typeof DEMO_USERS)[number]["email"];
  paragraphs: string[];
};

// Fixed ids keep seeding idempotent and let a re-seed leave analysts' edits alone.
export const DEMO_BRIEFS: DemoBrief[] = [
  {
    id: "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a01",
    title: "جماعة نصرة الإسلام والمسلمين تتمدد في إقليم كايس",
    language: "ar",
    status: "DRAFT",
    author: "editor@briefroom.test",
    paragraphs: [
      "يرصد هذا الموجز اتساع نشاط جماعة نصرة الإسلام والمسلمين في إقليم كايس غرب مالي، وانعكاساته على موريتانيا والسنغال.",
      "بحسب تقرير لمعهد تمبكتو، تضاعف عدد هجمات الجماعة في الإقليم سبع مرات بين عامي 2021 و2024، وتركزت أساسًا على قوات الأمن المالية.",
      "في فبراير، أسفر هجوم في ميلجي عن مقتل ثلاثة جنود ماليين وإصابة ثلاثة آخرين.",
      "يشير التقرير إلى سعي الجماعة إلى قطع طريق الإمداد الرئيسي للعاصمة باماكو، وإلى انتشار الدعوة وجباية الضرائب في هذا الجزء من الإقليم، بل وفرض ضرائب على أنشطة تجارية عبر الحدود.",
    ],
  },
  {
    id: "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a02",
    title: "Kayes: JNIM pressure on Bamako's western supply route",
    language: "en",
    status: "IN_REVIEW",
    author: "editor@briefroom.test",
    paragraphs: [
      "JNIM attacks in the Kayes region rose roughly sevenfold between 2021 and 2024, according to the Timbuktu Institute, with Malian security forces the main target.",
      "The group appears to be working to cut the corridors that supply Bamako from the west, which would stretch the security forces and isolate the capital.",
      "Preaching and the collection of taxes, long common in central Mali, are now reported in western Kayes too.",
    ],
  },
  {
    id: "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a03",
    title: "Kayes : le JNIM aux portes de la Mauritanie et du Sénégal",
    language: "fr",
    status: "DRAFT",
    author: "approver@briefroom.test",
    paragraphs: [
      "L'activité du JNIM ne se limite plus au territoire malien : ses effets se font sentir en Mauritanie et au Sénégal.",
      "Le groupe aurait commencé à taxer certaines activités commerciales dans ces pays voisins, signe d'une volonté d'y étendre son emprise économique.",
      "Les États voisins cherchent à renforcer leur coopération sécuritaire face à cette menace.",
    ],
  },
];
