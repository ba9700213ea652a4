/**
 * Reference names for western Mali: actors and places under every spelling the datasets and
 * the three UI languages use. `null` language = a dataset's own spelling. Extend freely:
 * `ensureGazetteer` adds what is missing and never removes anything.
 */
export type GazetteerAlias = { name: string; language: "en" | "fr" | "ar" | null };

export const ACTORS: { name: string; aliases: GazetteerAlias[] }[] = [
  {
    name: "JNIM",
    aliases: [
      { name: "JNIM", language: "en" },
      { name: "Jama'at Nusrat al-Islam wal-Muslimin", language: "en" },
      { name: "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", language: null },
      { name: "GSIM", language: "fr" },
      { name: "Groupe de soutien à l'islam et aux musulmans", language: "fr" },
      { name: "جماعة نصرة الإسلام والمسلمين", language: "ar" },
      { name: "نصرة الإسلام", language: "ar" },
    ],
  },
  {
    name: "Government of Mali",
    aliases: [
      { name: "Government of Mali", language: "en" },
      { name: "Military Forces of Mali", language: "en" },
      { name: "Military Forces of Mali (2021-)", language: null },
      { name: "FAMa", language: "fr" },
      { name: "Forces armées maliennes", language: "fr" },
      { name: "Gouvernement du Mali", language: "fr" },
      { name: "القوات المسلحة المالية", language: "ar" },
      { name: "الحكومة المالية", language: "ar" },
      { name: "الجيش المالي", language: "ar" },
    ],
  },
  {
    name: "Islamic State Sahel Province",
    aliases: [
      { name: "Islamic State Sahel Province", language: "en" },
      { name: "IS Sahel", language: "en" },
      { name: "Islamic State (Sahel)", language: null },
      { name: "État islamique au Sahel", language: "fr" },
      { name: "EIGS", language: "fr" },
      { name: "ولاية الساحل", language: "ar" },
      { name: "تنظيم الدولة الإسلامية في الساحل", language: "ar" },
    ],
  },
  {
    name: "Wagner Group / Africa Corps",
    aliases: [
      { name: "Wagner Group", language: "en" },
      { name: "Africa Corps", language: "en" },
      { name: "Government of Russia (Soviet Union)", language: null },
      { name: "Groupe Wagner", language: "fr" },
      { name: "فاغنر", language: "ar" },
      { name: "الفيلق الأفريقي", language: "ar" },
    ],
  },
  {
    name: "Civilians",
    aliases: [
      { name: "Civilians", language: "en" },
      { name: "Civilians (Mali)", language: null },
      { name: "Civils", language: "fr" },
      { name: "مدنيون", language: "ar" },
    ],
  },
  {
    name: "Dozo militias",
    aliases: [
      { name: "Dozos (Mali)", language: null },
      { name: "Dozo militia", language: "en" },
      { name: "Dozos", language: "fr" },
      { name: "صيادو الدوزو", language: "ar" },
    ],
  },
];

/** Regions (level 1) and cercles (level 2) with their names; `parent` names a region. */
// A table of literal data: one place to a line or two, its aliases grouped by language, so a
// reviewer can compare spellings at a glance.
// prettier-ignore
export const PLACES: {
  level: 1 | 2;
  name: string;
  parent?: string;
  lat: number;
  lon: number;
  aliases: GazetteerAlias[];
}[] = [
  {
    level: 1, name: "Kayes", lat: 14.0, lon: -11.0,
    aliases: [
      { name: "Kayes", language: "en" }, { name: "Kayes region", language: null },
      { name: "Région de Kayes", language: "fr" }, { name: "كاي", language: "ar" },
      { name: "منطقة كاي", language: "ar" },
    ],
  },
  {
    level: 1, name: "Koulikoro", lat: 13.8, lon: -7.6,
    aliases: [
      { name: "Koulikoro", language: "en" }, { name: "Koulikoro region", language: null },
      { name: "Région de Koulikoro", language: "fr" }, { name: "كوليكورو", language: "ar" },
    ],
  },
  {
    level: 1, name: "Segou", lat: 13.4, lon: -6.3,
    aliases: [
      { name: "Segou", language: "en" }, { name: "Segou region", language: null },
      { name: "Ségou", language: "fr" }, { name: "Région de Ségou", language: "fr" },
      { name: "سيغو", language: "ar" },
    ],
  },
  {
    level: 1, name: "Mopti", lat: 14.5, lon: -4.2,
    aliases: [
      { name: "Mopti", language: "en" }, { name: "Mopti region", language: null },
      { name: "Région de Mopti", language: "fr" }, { name: "موبتي", language: "ar" },
    ],
  },
  {
    level: 1, name: "Timbuktu", lat: 16.8, lon: -3.0,
    aliases: [
      { name: "Timbuktu", language: "en" }, { name: "Tombouctou region", language: null },
      { name: "Tombouctou", language: "fr" }, { name: "تمبكتو", language: "ar" },
    ],
  },
  {
    level: 1, name: "Gao", lat: 16.3, lon: -0.1,
    aliases: [
      { name: "Gao", language: "en" }, { name: "Gao region", language: null },
      { name: "Région de Gao", language: "fr" }, { name: "غاو", language: "ar" },
    ],
  },
  {
    level: 1, name: "Kidal", lat: 18.4, lon: 1.4,
    aliases: [
      { name: "Kidal", language: "en" }, { name: "Kidal region", language: null },
      { name: "Région de Kidal", language: "fr" }, { name: "كيدال", language: "ar" },
    ],
  },
  {
    level: 2, name: "Nioro", parent: "Kayes", lat: 15.23, lon: -9.59,
    aliases: [
      { name: "Nioro", language: "en" }, { name: "Nioro cercle", language: null },
      { name: "Nioro du Sahel", language: "fr" }, { name: "نيورو", language: "ar" },
    ],
  },
  {
    level: 2, name: "Kita", parent: "Kayes", lat: 13.03, lon: -9.49,
    aliases: [
      { name: "Kita", language: "en" }, { name: "Kita cercle", language: null },
      { name: "Cercle de Kita", language: "fr" }, { name: "كيتا", language: "ar" },
    ],
  },
  {
    level: 2, name: "Diema", parent: "Kayes", lat: 14.54, lon: -9.18,
    aliases: [
      { name: "Diema", language: "en" }, { name: "Diema cercle", language: null },
      { name: "Diéma", language: "fr" }, { name: "ديما", language: "ar" },
    ],
  },
  {
    level: 2, name: "Kayes cercle", parent: "Kayes", lat: 14.45, lon: -11.44,
    aliases: [
      { name: "Kayes cercle", language: null }, { name: "Cercle de Kayes", language: "fr" },
      { name: "دائرة كاي", language: "ar" },
    ],
  },
  {
    level: 2, name: "Bafoulabe", parent: "Kayes", lat: 13.81, lon: -10.83,
    aliases: [
      { name: "Bafoulabe", language: "en" }, { name: "Bafoulabe cercle", language: null },
      { name: "Bafoulabé", language: "fr" }, { name: "بافولابي", language: "ar" },
    ],
  },
  {
    level: 2, name: "Yelimane", parent: "Kayes", lat: 15.12, lon: -10.57,
    aliases: [
      { name: "Yelimane", language: "en" }, { name: "Yelimane cercle", language: null },
      { name: "Yélimané", language: "fr" }, { name: "يليماني", language: "ar" },
    ],
  },
  {
    level: 2, name: "Kenieba", parent: "Kayes", lat: 12.84, lon: -11.23,
    aliases: [
      { name: "Kenieba", language: "en" }, { name: "Kenieba cercle", language: null },
      { name: "Kéniéba", language: "fr" }, { name: "كينييبا", language: "ar" },
    ],
  },
];
