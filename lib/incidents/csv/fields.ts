/** Longest name-like cell (actor, place, type) kept; longer is a broken file, not a real name. */
export const NAME_MAX_CHARS = 500;
/** Longest free-text cell (notes, sources, descriptions) kept, so one row cannot bloat search. */
export const TEXT_MAX_CHARS = 10_000;

/** A problem with one cell (or the whole row when column is null), reported with its line. */
export type RowError = { line: number; column: string | null; reason: string };

/**
 * Reads typed values out of one CSV record and collects every problem instead of stopping at
 * the first, so an analyst fixes a row once. `reason` texts are English, stable and short:
 * they end up in the downloadable error report.
 */
export class FieldReader {
  readonly errors: RowError[] = [];
  constructor(
    private readonly record: Record<string, string>,
    readonly line: number,
  ) {}

  /** A trimmed cell, or null when empty or longer than `max` (then reported for this row). */
  text(column: string, max: number = NAME_MAX_CHARS): string | null {
    return this.cell(column, max) ?? null;
  }

  required(column: string, max: number = NAME_MAX_CHARS): string {
    const value = this.cell(column, max);
    if (value === null) this.fail(column, "is empty");
    return value ?? "";
  }

  /** The trimmed cell; null when empty; undefined when too long (already reported). */
  private cell(column: string, max: number): string | null | undefined {
    const value = (this.record[column] ?? "").trim();
    if (value.length > max) {
      this.fail(column, `is longer than ${max} characters`);
      return undefined;
    }
    return value === "" ? null : value;
  }

  int(column: string, options: { min?: number; max?: number; required?: boolean } = {}) {
    const value = options.required ? this.required(column) : this.text(column);
    if (value === null || value === "") return null;
    if (!/^-?\d+$/.test(value)) {
      this.fail(column, `"${clip(value)}" is not a whole number`);
      return null;
    }
    const n = Number(value);
    if (options.min !== undefined && n < options.min) {
      this.fail(column, `${n} is below ${options.min}`);
      return null;
    }
    if (options.max !== undefined && n > options.max) {
      this.fail(column, `${n} is above ${options.max}`);
      return null;
    }
    return n;
  }

  decimal(column: string, min: number, max: number): number | null {
    const value = this.text(column);
    if (value === null) return null;
    const n = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(n)) {
      this.fail(column, `"${clip(value)}" is not a number`);
      return null;
    }
    if (n < min || n > max) {
      this.fail(column, `${value} is outside ${min}…${max}`);
      return null;
    }
    return n;
  }

  /** ISO dates ("2024-02-15", optionally with a time) and ACLED's "15 February 2024". */
  date(column: string): Date | null {
    const value = this.required(column);
    if (!value) return null;
    const date = parseDate(value);
    if (!date) this.fail(column, `"${clip(value)}" is not a real date`);
    return date;
  }

  fail(column: string | null, reason: string): void {
    this.errors.push({ line: this.line, column, reason });
  }
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

export function parseDate(value: string): Date | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(value);
  const long = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(value);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (long) {
    [d, m, y] = [Number(long[1]), MONTHS.indexOf(long[2]!.toLowerCase()) + 1, Number(long[3])];
  } else {
    return null;
  }
  if (y < 1946 || y > 2100 || m < 1 || m > 12) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  // 2024-02-30 rolls over to March: not a real date.
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
