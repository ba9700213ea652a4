import type { IncidentFilter } from "../query-schema";

// The change map's arithmetic, apart from the database so it can be tested and drawn alone.

/** Inclusive ISO days. */
export type Period = { from: string; to: string };
export type ChangeUnit = "region" | "cercle";
export type Tally = { count: number; fatalities: number };

/** How a value moved from the earlier period (a) to the later one (b). */
export type Change =
  { kind: "up" | "down" | "same"; ratio: number } | { kind: "new" | "gone" | "none"; ratio: null };

/**
 * b against a: the ratio b ÷ a when both have incidents ("×7"), "new" when only b has,
 * "gone" when only a has, "none" when neither.
 */
export function changeOf(a: number, b: number): Change {
  if (a === 0 && b === 0) return { kind: "none", ratio: null };
  if (a === 0) return { kind: "new", ratio: null };
  if (b === 0) return { kind: "gone", ratio: null };
  const ratio = b / a;
  return { kind: ratio > 1 ? "up" : ratio < 1 ? "down" : "same", ratio };
}

export type AreaChange = {
  /** The area's name in the reader's language (the gazetteer's), or as the data spells it. */
  name: string;
  /** The gazetteer's canonical (English) name, or the data's spelling: stable across languages. */
  key: string;
  /** The spellings of the data it groups ("Kayes region", "Kayes"). */
  spellings: string[];
  a: Tally;
  b: Tally;
  /**
   * Where its symbol is drawn: the gazetteer's centre of the area, else the mean position of
   * its well-located incidents (said so on the map), else nowhere (listed only).
   */
  at: { lon: number; lat: number; from: "gazetteer" | "incidents" } | null;
};

export type RegionChange = {
  unit: ChangeUnit;
  a: Period;
  b: Period;
  areas: AreaChange[];
  /** Rows of either period that name no region (or cercle). */
  unplaced: { a: Tally; b: Tally };
};

/**
 * The two periods the change map compares when the address names none: the filter's own
 * dates (or the year of the latest incident) as the later period, and as many days just
 * before it as the earlier one.
 */
export function defaultPeriods(
  filter: IncidentFilter,
  latest: Date | null,
): { a: Period; b: Period } {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const end = filter.to ?? (latest ? `${latest.getUTCFullYear()}-12-31` : day(new Date()));
  const start = filter.from ?? `${end.slice(0, 4)}-01-01`;
  const from = new Date(`${start}T00:00:00Z`);
  const to = new Date(`${end}T00:00:00Z`);
  const dayAfter = new Date(to.getTime() + 86_400_000);
  let aFrom: Date;
  let aTo: Date;
  if (from.getUTCDate() === 1 && dayAfter.getUTCDate() === 1) {
    // Whole months (a year, a quarter): the same months just before, whatever their days.
    const months =
      (dayAfter.getUTCFullYear() - from.getUTCFullYear()) * 12 +
      dayAfter.getUTCMonth() -
      from.getUTCMonth();
    aFrom = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - months, 1));
    aTo = new Date(from.getTime() - 86_400_000);
  } else {
    const days = Math.max(0, Math.round((to.getTime() - from.getTime()) / 86_400_000));
    aTo = new Date(from.getTime() - 86_400_000);
    aFrom = new Date(aTo.getTime() - days * 86_400_000);
  }
  return { a: { from: day(aFrom), to: day(aTo) }, b: { from: start, to: end } };
}
