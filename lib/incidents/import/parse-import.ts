import { Readable } from "node:stream";
import { parse, CsvError } from "csv-parse";
import { DomainError } from "@/lib/errors/domain-error";
import { COLUMNS, detectDataset, type ImportDataset } from "../csv/columns";
import type { RowError } from "../csv/fields";
import type { IncidentValues } from "../csv/incident-values";
import { mapAcledRow } from "../csv/map-acled";
import { mapUcdpRow } from "../csv/map-ucdp";

/** Files above this are refused before they are read to the end (nothing is imported). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Row errors kept for the report; `rejected` counts them all. */
export const MAX_KEPT_ERRORS = 10_000;
/**
 * The longest a row may be (characters). A real row stays far below: its names are capped at
 * 500 characters and its few free-text cells at 10,000, about 70 KB in all. Anything longer is a broken or hostile file (an unterminated quote that
 * swallows the rest, millions of empty cells), refused at once instead of parsed to the end.
 */
export const MAX_ROW_CHARS = 256 * 1024;
/**
 * Data lines one file may hold. UCDP's whole global GED is about 400,000; each line costs the
 * parser tens of microseconds, so a 100 MB file of tiny lines would otherwise keep the web
 * process busy for many minutes.
 */
export const MAX_IMPORT_ROWS = 1_000_000;
/** Parsing yields to other requests this often, so a large file never holds up the others. */
const SLICE_MS = 20;

export type ParsedImport = {
  dataset: ImportDataset;
  /** "utf-8", or "windows-1252" when the file was not valid UTF-8 (old Excel exports). */
  encoding: "utf-8" | "windows-1252";
  /** Data rows read (valid + rejected). */
  totalRows: number;
  rows: IncidentValues[];
  /** Rows rejected (each has one or more entries in `errors`). */
  rejected: number;
  errors: RowError[];
};

export type ParseOptions = {
  /** The dataset the analyst chose; a file of the other dataset is refused. */
  expected: ImportDataset;
  maxBytes?: number;
  /** Default MAX_IMPORT_ROWS. */
  maxRows?: number;
  onProgress?: (progress: { rows: number; bytes: number }) => void;
};

/**
 * Streams a UCDP GED or ACLED CSV: detects the encoding and the header, checks every row and
 * collects row errors (line, column, reason). Problems with the file as a whole (size,
 * encoding, header, delimiter, dataset, broken quoting) throw a DomainError: the caller
 * imports nothing.
 */
export async function parseImportFile(
  source: AsyncIterable<Uint8Array>,
  options: ParseOptions,
): Promise<ParsedImport> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  const decoding = { encoding: "utf-8" as ParsedImport["encoding"], bytes: 0 };
  const input = Readable.from(decode(source, decoding, maxBytes));
  const parser = parse({
    bom: true,
    relax_column_count: true,
    info: true,
    max_record_size: MAX_ROW_CHARS,
    // Blank lines (an export's trailing ones, or a file padded with them) never become rows.
    skip_empty_lines: true,
  });
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);

  let header: string[] | null = null;
  let dataset: ImportDataset = options.expected;
  let endOfPrevious = 0;
  const rows: IncidentValues[] = [];
  const errors: RowError[] = [];
  const firstLineOf = new Map<string, { line: number; index: number }>();
  const dropped = new Set<number>();
  let totalRows = 0;
  let rejected = 0;
  const reject = (rowErrors: RowError[]) => {
    rejected++;
    for (const e of rowErrors) if (errors.length < MAX_KEPT_ERRORS) errors.push(e);
  };

  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const line = endOfPrevious + 1;
      endOfPrevious = item.info.lines;
      if (!header) {
        header = item.record.map((h) =>
          h
            .replace(/^\uFEFF/, "")
            .trim()
            .toLowerCase(),
        );
        dataset = checkHeader(header, options.expected);
        continue;
      }
      const record = item.record;
      if (record.length === 1 && record[0]!.trim() === "") continue;
      totalRows++;
      if (totalRows > maxRows) {
        throw new DomainError("importTooManyRows", { max: maxRows.toLocaleString("en") });
      }
      if (totalRows % 1000 === 0) options.onProgress?.({ rows: totalRows, bytes: decoding.bytes });
      if (record.length !== header.length) {
        reject([
          {
            line,
            column: null,
            reason: `has ${record.length} columns, the header has ${header.length}`,
          },
        ]);
        continue;
      }
      const object: Record<string, string> = {};
      header.forEach((name, i) => (object[name] = record[i]!));
      const mapped = dataset === "UCDP_GED" ? mapUcdpRow(object, line) : mapAcledRow(object, line);
      if ("errors" in mapped) {
        reject(mapped.errors);
        continue;
      }
      const id = mapped.values.externalId;
      const first = firstLineOf.get(id);
      if (first) {
        // Which copy is right cannot be known: both are refused.
        const idColumn = dataset === "UCDP_GED" ? "id" : "event_id_cnty";
        if (first.index >= 0 && !dropped.has(first.index)) {
          dropped.add(first.index);
          reject([
            {
              line: first.line,
              column: idColumn,
              reason: `id ${id} appears again on line ${line}`,
            },
          ]);
        }
        reject([
          { line, column: idColumn, reason: `id ${id} already appears on line ${first.line}` },
        ]);
        continue;
      }
      firstLineOf.set(id, { line, index: rows.length });
      rows.push(mapped.values);
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const where = (error as CsvError & { lines?: number }).lines ?? endOfPrevious + 1;
      throw new DomainError("importMalformed", { line: where }, error.message);
    }
    throw error;
  }
  if (!header) throw new DomainError("importEmpty");
  options.onProgress?.({ rows: totalRows, bytes: decoding.bytes });
  return {
    dataset,
    encoding: decoding.encoding,
    totalRows,
    rows: dropped.size ? rows.filter((_, i) => !dropped.has(i)) : rows,
    rejected,
    errors: errors.sort((a, b) => a.line - b.line),
  };
}

function checkHeader(header: string[], expected: ImportDataset): ImportDataset {
  if (header.length === 1 && /[;\t|]/.test(header[0]!)) throw new DomainError("importDelimiter");
  const detected = detectDataset(header);
  if (!detected) {
    if (header.some((h) => /^-?\d+([.,]\d+)?$/.test(h))) throw new DomainError("importNoHeader");
    throw new DomainError("importWrongHeader", {
      missing: COLUMNS[expected]
        .filter((c) => !header.includes(c))
        .slice(0, 6)
        .join(", "),
    });
  }
  if (detected !== expected) {
    throw new DomainError("importWrongDataset", {
      detected: label(detected),
      expected: label(expected),
    });
  }
  const missing = COLUMNS[detected].filter((c) => !header.includes(c));
  if (missing.length) {
    throw new DomainError("importWrongHeader", { missing: missing.slice(0, 6).join(", ") });
  }
  if (new Set(header).size !== header.length) {
    const dup = header.find((h, i) => header.indexOf(h) !== i) ?? "";
    throw new DomainError("importWrongHeader", { missing: `${dup} (×2)` });
  }
  return detected;
}

function label(dataset: ImportDataset): string {
  return dataset === "UCDP_GED" ? "UCDP GED" : "ACLED";
}

/**
 * Bytes → text. UTF-8 (a BOM is dropped) unless the first chunk is not valid UTF-8, in which
 * case the file is read as Windows-1252 (a superset of Latin-1): French exports from older
 * spreadsheet software. Invalid UTF-8 further in a UTF-8 file is a file error.
 */
async function* decode(
  source: AsyncIterable<Uint8Array>,
  state: { encoding: ParsedImport["encoding"]; bytes: number },
  maxBytes: number,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let sliceStart = performance.now();
  const lines = { count: 1, sinceNewline: 0 };
  for await (const chunk of source) {
    state.bytes += chunk.byteLength;
    if (state.bytes > maxBytes)
      throw new DomainError("importTooLarge", { max: Math.round(maxBytes / 1024 / 1024) });
    // The parser works through what it is given without pausing: let other requests (and
    // timers) in between chunks once this one has had its share.
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    // No real row has a line this long (a quoted cell with line breaks has several lines).
    countLines(chunk, lines);
    if (lines.sinceNewline > MAX_ROW_CHARS) {
      throw new DomainError(
        "importMalformed",
        { line: lines.count },
        `line ${lines.count} is longer than ${MAX_ROW_CHARS} characters`,
      );
    }
    if (!decoder) {
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
        throw new DomainError("importEncoding");
      decoder = new TextDecoder("utf-8", { fatal: true });
      try {
        yield decoder.decode(chunk, { stream: true });
        continue;
      } catch {
        state.encoding = "windows-1252";
        decoder = new TextDecoder("windows-1252");
      }
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new DomainError("importEncoding");
    }
  }
  if (decoder) {
    try {
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch {
      throw new DomainError("importEncoding");
    }
  }
}

/** Counts line breaks in raw bytes (0x0a is a line feed in UTF-8 and Windows-1252 alike). */
function countLines(chunk: Uint8Array, lines: { count: number; sinceNewline: number }): void {
  let from = 0;
  for (;;) {
    const at = chunk.indexOf(0x0a, from);
    if (at === -1) break;
    lines.count += 1;
    from = at + 1;
  }
  lines.sinceNewline = from === 0 ? lines.sinceNewline + chunk.length : chunk.length - from;
}
