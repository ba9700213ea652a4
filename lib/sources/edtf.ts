/**
 * Partial dates as analysts know them, in the EDTF profile CSL uses (level 0):
 * "2024" (year), "2024-05" (month) or "2024-05-12" (day). A report dated "May 2024" is
 * stored as "2024-05", never invented into "2024-05-01".
 */
export type PartialDate = { year: number; month?: number; day?: number };

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parsePartialDate(value: string): PartialDate | null {
  const match = PATTERN.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (year < 1000 || year > 2999) return null;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined) {
    const last = new Date(Date.UTC(year, month!, 0)).getUTCDate();
    if (day < 1 || day > last) return null;
  }
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

export function formatPartialDate(date: PartialDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return [String(date.year), date.month && pad(date.month), date.day && pad(date.day)]
    .filter(Boolean)
    .join("-");
}

/** CSL-JSON date object ({ "date-parts": [[2024, 5]] }) for a stored partial date. */
export function toCslDate(
  value: string | null | undefined,
): { "date-parts": number[][] } | undefined {
  const date = value ? parsePartialDate(value) : null;
  if (!date) return undefined;
  return { "date-parts": [[date.year, date.month, date.day].filter((n): n is number => !!n)] };
}

/**
 * The stored form of a CSL-JSON date from an import: date-parts, an EDTF/ISO `raw` or
 * `literal` string ("2024-05-12T…" keeps its date part), or a bare year. Null when unusable.
 */
export function fromCslDate(value: unknown): string | null {
  if (!value || typeof value !== "object") {
    return typeof value === "string" ? fromCslDate({ raw: value }) : null;
  }
  const date = value as { "date-parts"?: unknown; raw?: unknown; literal?: unknown };
  const parts = Array.isArray(date["date-parts"]) ? date["date-parts"][0] : undefined;
  if (Array.isArray(parts) && parts.length > 0) {
    const [year, month, day] = parts.map((p) => Number(p));
    const candidate: PartialDate = { year: year! };
    if (month) candidate.month = month;
    if (month && day) candidate.day = day;
    const text = formatPartialDate(candidate);
    return parsePartialDate(text) ? text : null;
  }
  for (const raw of [date.raw, date.literal]) {
    if (typeof raw !== "string") continue;
    const iso = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(raw.trim().replace(/\//g, "-"))?.[1];
    if (iso && parsePartialDate(iso)) return iso;
  }
  return null;
}

/** Year of a stored partial date, for duplicate detection. */
export function yearOf(value: string | null | undefined): number | null {
  return value ? (parsePartialDate(value)?.year ?? null) : null;
}
