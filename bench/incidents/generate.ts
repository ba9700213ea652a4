/**
 * 100k realistic incidents in ACLED's 31-column format, deterministic (seeded), for the
 * benchmark: regions weighted towards the centre and west, JNIM and the army most active,
 * several spellings of each actor, notes in ACLED's English style with French place names.
 */
import { ACLED_COLUMNS } from "../../lib/incidents/csv/columns";
import { csvLine } from "../../lib/incidents/csv/write-csv";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS: [string, number, string[], [number, number]][] = [
  [
    "Kayes",
    0.2,
    ["Kayes", "Nioro", "Diema", "Kita", "Bafoulabe", "Yelimane", "Kenieba"],
    [14.0, -10.5],
  ],
  ["Koulikoro", 0.12, ["Kati", "Kolokani", "Banamba", "Nara", "Dioila"], [13.5, -7.5]],
  ["Segou", 0.18, ["Niono", "Macina", "San", "Tominian", "Bla"], [13.9, -5.8]],
  ["Mopti", 0.25, ["Mopti", "Djenne", "Bandiagara", "Bankass", "Koro", "Douentza"], [14.4, -3.6]],
  ["Timbuktu", 0.1, ["Tombouctou", "Niafunke", "Goundam", "Dire"], [16.5, -3.5]],
  ["Gao", 0.1, ["Gao", "Ansongo", "Bourem", "Menaka"], [16.0, 0.5]],
  ["Kidal", 0.05, ["Kidal", "Tessalit", "Abeibara"], [18.6, 1.2]],
];
const ACTORS: [string, number][] = [
  ["Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", 0.38],
  ["Military Forces of Mali (2021-)", 0.25],
  ["Islamic State (Sahel)", 0.12],
  ["Unidentified Armed Group (Mali)", 0.1],
  ["Dozos (Mali)", 0.08],
  ["Wagner Group", 0.07],
];
const EVENTS: [string, string, number][] = [
  ["Battles", "Armed clash", 0.35],
  ["Violence against civilians", "Attack", 0.25],
  ["Violence against civilians", "Abduction/forced disappearance", 0.1],
  ["Explosions/Remote violence", "Remote explosive/landmine/IED", 0.15],
  ["Strategic developments", "Looting/property destruction", 0.1],
  ["Protests", "Peaceful protest", 0.05],
];
const REGION_WEIGHTS = REGIONS.map((x) => x[1]);
const ACTOR_WEIGHTS = ACTORS.map((x) => x[1]);
const EVENT_WEIGHTS = EVENTS.map((x) => x[2]);
const VILLAGES = [
  "Melgue",
  "Sandare",
  "Dianguirde",
  "Sadiola",
  "Kassaro",
  "Sebekoro",
  "Diboli",
  "Ambidedi",
  "Farabougou",
  "Dogofry",
  "Boulkessi",
  "Hombori",
  "Ouatagouna",
  "Tessit",
  "Anefis",
  "Lere",
  "Nampala",
  "Sevare",
];

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}

/** Index drawn with the given weights (they sum to 1). */
function weighted(r: () => number, weights: readonly number[]): number {
  let x = r();
  for (let k = 0; k < weights.length; k++) {
    x -= weights[k]!;
    if (x <= 0) return k;
  }
  return 0;
}

/** The CSV text of `count` rows (ids MLI1…), plus the header. */
export function generateAcledCsv(count: number, seed = 42): string {
  const r = rng(seed);
  const start = Date.UTC(2018, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  let out = csvLine(ACLED_COLUMNS);
  for (let i = 1; i <= count; i++) {
    const [admin1, , cercles, [lat, lon]] = REGIONS[weighted(r, REGION_WEIGHTS)]!;
    const admin2 = pick(r, cercles);
    const village = pick(r, VILLAGES);
    // Violence rises over time, as in the Kayes series: later dates more likely.
    const date = new Date(start + Math.floor(Math.sqrt(r()) * span));
    const iso = date.toISOString().slice(0, 10);
    const actor1 = ACTORS[weighted(r, ACTOR_WEIGHTS)]![0];
    let actor2 = ACTORS[weighted(r, ACTOR_WEIGHTS)]![0];
    if (actor2 === actor1) actor2 = "Civilians (Mali)";
    const [eventType, subEvent] = EVENTS[weighted(r, EVENT_WEIGHTS)]!;
    const fatalities = r() < 0.45 ? 0 : Math.floor(-Math.log(1 - r()) * 4);
    const notes = `On ${iso}, ${actor1} ${eventType === "Battles" ? "clashed with" : "attacked"} ${actor2} near ${village} (${admin2}, ${admin1}). ${fatalities} reported fatalities.`;
    out += csvLine([
      `MLI${i}`,
      iso,
      date.getUTCFullYear(),
      1,
      "Political violence",
      eventType,
      subEvent,
      actor1,
      "",
      "",
      actor2,
      "",
      "",
      "",
      "",
      466,
      "Western Africa",
      "Mali",
      admin1,
      admin2,
      "",
      village,
      (lat + (r() - 0.5) * 2).toFixed(4),
      (lon + (r() - 0.5) * 2).toFixed(4),
      1 + Math.floor(r() * 3),
      "Local source; Studio Tamani",
      "Subnational",
      notes,
      fatalities,
      "",
      1700000000 + i,
    ]);
  }
  return out;
}
