/**
 * Colours by event type: UCDP's three types of violence and ACLED's event types each keep
 * one colour on every map (colour-blind-safe Okabe–Ito hues); an event type not listed here
 * takes the next spare colour in the order it first appears.
 */
const FIXED: Record<string, string> = {
  "state-based": "#0072B2",
  "non-state": "#E69F00",
  "one-sided": "#D55E00",
  Battles: "#0072B2",
  "Violence against civilians": "#D55E00",
  "Explosions/Remote violence": "#CC79A7",
  Riots: "#E69F00",
  Protests: "#009E73",
  "Strategic developments": "#56B4E9",
};
const SPARE = ["#7F3C8D", "#11A579", "#3969AC", "#F2B701", "#80BA5A", "#A5AA99"];

/** A colour for each event type, stable for the fixed types. */
export function eventColours(eventTypes: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  let spare = 0;
  for (const type of eventTypes) {
    if (out.has(type)) continue;
    out.set(type, FIXED[type] ?? SPARE[spare++ % SPARE.length] ?? "#777");
  }
  return out;
}

/** Radius in pixels: area grows with fatalities, so 100 deaths is not 100 times as wide as 1. */
export function fatalityRadius(fatalities: number): number {
  return Math.min(18, 4 + 2 * Math.sqrt(Math.max(0, fatalities)));
}
