/** One CSV line (RFC 4180 quoting; a leading =+-@ is prefixed so spreadsheets don't run it). */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map((v) => csvCell(v)).join(",")}\r\n`;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // Formula injection guard; plain negative numbers ("-10.3") stay numbers.
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The row-error report of an import, as the analyst downloads it. */
export function errorReportCsv(errors: { line: number; column: string | null; reason: string }[]) {
  return (
    csvLine(["line", "column", "reason"]) +
    errors.map((e) => csvLine([e.line, e.column, e.reason])).join("")
  );
}
