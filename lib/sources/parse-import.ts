import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { DomainError } from "@/lib/errors/domain-error";

/** Imports larger than this are refused before parsing (a Zotero library of ~10,000 items). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ENTRIES = 2000;
/** A real entry is a few hundred bytes; one this large is refused unparsed, as unreadable. */
export const IMPORT_MAX_ENTRY_BYTES = 64 * 1024;
/** Parsing yields to other requests this often, so a large import never holds up the others. */
const SLICE_MS = 20;

export type ImportFormat = "csl-json" | "bibtex" | "ris";
export type ParsedEntry =
  | { index: number; label: string; item: Record<string, unknown> }
  | { index: number; label: string; error: "unreadable" };

/** A line that opens a BibTeX entry ("@article{", "  @book ("). */
const BIBTEX_ENTRY_LINE = /^\s*@[a-zA-Z]+\s*[{(]/;

/**
 * Which format an export is in. Looked at line by line: a multiline pattern such as
 * /^\s*@/m can run from every line start across all the lines after it, which on a file of
 * blank lines takes seconds per 100 KB.
 */
export function detectFormat(text: string): ImportFormat | null {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("[") || start.startsWith("{")) return "csl-json";
  // The first line that opens a record decides: a RIS file's first is "TY  - ", and no
  // BibTeX file has one before its first entry.
  for (let from = 0; from < start.length;) {
    const end = start.indexOf("\n", from);
    const stop = end === -1 ? start.length : end;
    // Lines too short to open an entry (blank ones above all) are not worth a string each.
    if (stop - from >= 3) {
      const line = start.slice(from, stop);
      if (line.startsWith("TY  - ")) return "ris";
      if (BIBTEX_ENTRY_LINE.test(line)) return "bibtex";
    }
    from = stop + 1;
  }
  return null;
}

function snippet(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 80);
}

/** citation-js on one entry; any throw or an empty result is this entry's error alone. */
function parseOne(chunk: string): Record<string, unknown> | null {
  try {
    const data = new Cite(chunk).data;
    const item = data.length === 1 ? data[0] : null;
    if (!item) return null;
    const { _graph: _ignored, ...rest } = item;
    void _ignored;
    return rest;
  } catch {
    return null;
  }
}

const ENTRY_HEAD = /@[a-zA-Z]+\s*[{(]/y;

/**
 * Cuts a BibTeX file before every line that opens an entry ("@article{", "@book ("), in one
 * pass: a regular expression with a multiline lookahead took minutes on a crafted upload and
 * froze the web process for everyone.
 */
export function splitBibtex(text: string): string[] {
  const chunks: string[] = [];
  let chunkStart = 0;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === "\n" || c === "\r" || c === undefined) {
      lineStart = i + 1;
      continue;
    }
    if (c === " " || c === "\t") continue;
    if (c === "@") {
      ENTRY_HEAD.lastIndex = i;
      if (ENTRY_HEAD.test(text) && lineStart > chunkStart) {
        chunks.push(text.slice(chunkStart, lineStart));
        chunkStart = lineStart;
      }
    }
    // The rest of this line cannot open an entry: jump to its end.
    const end = text.indexOf("\n", i);
    i = (end === -1 ? text.length : end) - 1;
  }
  chunks.push(text.slice(chunkStart));
  return chunks;
}

/**
 * Splits an export into entries and parses each one on its own, so one malformed entry is
 * reported by its position and first words while the others still import. CSL-JSON is plain
 * JSON; BibTeX and RIS go through citation-js.
 */
export async function parseImport(
  text: string,
): Promise<{ format: ImportFormat; entries: ParsedEntry[] }> {
  if (Buffer.byteLength(text, "utf8") > IMPORT_MAX_BYTES) {
    throw new DomainError("importTooLarge", { max: IMPORT_MAX_BYTES / 1024 / 1024 });
  }
  const format = detectFormat(text);
  if (!format) throw new DomainError("importUnreadable");
  const clean = text.replace(/^\uFEFF/, "");

  if (format === "csl-json") {
    let json: unknown;
    try {
      json = JSON.parse(clean);
    } catch {
      throw new DomainError("importUnreadable");
    }
    const list = Array.isArray(json)
      ? json
      : json && typeof json === "object" && Array.isArray((json as { items?: unknown }).items)
        ? (json as { items: unknown[] }).items
        : [json];
    return {
      format,
      entries: list.slice(0, IMPORT_MAX_ENTRIES).map((entry, index) =>
        entry && typeof entry === "object" && !Array.isArray(entry)
          ? {
              index,
              label: snippet(String((entry as { title?: unknown }).title ?? "")),
              item: entry as Record<string, unknown>,
            }
          : { index, label: snippet(JSON.stringify(entry) ?? ""), error: "unreadable" as const },
      ),
    };
  }

  const chunks =
    format === "bibtex"
      ? splitBibtex(clean).filter((c) => /^\s*@/.test(c))
      : clean
          .split(/^ER {2}-.*$/m)
          .filter((c) => /^TY {2}- /m.test(c))
          .map((c) => `${c.trim()}\nER  - \n`);
  const entries: ParsedEntry[] = [];
  let sliceStart = performance.now();
  for (const [index, chunk] of chunks.slice(0, IMPORT_MAX_ENTRIES).entries()) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    const comment = format === "bibtex" && /^\s*@(comment|preamble|string)\b/i.test(chunk);
    const tooLarge = chunk.length > IMPORT_MAX_ENTRY_BYTES;
    const item = comment || tooLarge ? null : parseOne(chunk);
    const label = snippet(chunk.slice(0, 400).split("\n").slice(0, 2).join(" "));
    entries.push(
      item
        ? { index, label: snippet(String(item.title ?? label)), item }
        : { index, label, error: "unreadable" },
    );
  }
  return {
    format,
    entries: entries.filter(
      (e, i) => !/^\s*@(comment|preamble|string)\b/i.test(chunks[i] ?? "") || "item" in e,
    ),
  };
}
