import { describe, expect, it } from "vitest";
import { detectFormat, IMPORT_MAX_ENTRY_BYTES, parseImport, splitBibtex } from "./parse-import";

describe("splitBibtex", () => {
  it("cuts before every line that opens an entry", () => {
    const text = "% header\n@article{a,\n title={One}}\n  @book (b,\n title={Two})\nnot @misc{c}\n";
    expect(splitBibtex(text)).toEqual([
      "% header\n",
      "@article{a,\n title={One}}\n",
      "  @book (b,\n title={Two})\nnot @misc{c}\n",
    ]);
  });

  it("stays fast on an entry followed by megabytes of blank lines", () => {
    const hostile = `@a{x,}${"\n".repeat(2 * 1024 * 1024)}`;
    const started = performance.now();
    const chunks = splitBibtex(hostile);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(chunks).toHaveLength(1);
    const spaced = `@a{x,}${"\n \t".repeat(600_000)}@b{y,}`;
    const again = performance.now();
    expect(splitBibtex(spaced)).toHaveLength(2);
    expect(performance.now() - again).toBeLessThan(1000);
  });

  it("imports real entries from a BibTeX file", async () => {
    const { format, entries } = await parseImport(
      "@article{a, title={First paper}, year={2020}}\n\n@book{b, title={Second book}, year={2021}}\n",
    );
    expect(format).toBe("bibtex");
    expect(entries.map((e) => ("item" in e ? e.item.title : e.error))).toEqual([
      "First paper",
      "Second book",
    ]);
  });
});

describe("hostile imports", () => {
  it("detects the format line by line, so blank lines cannot make it quadratic", () => {
    const blank = `x${"\n".repeat(200_000)}y`;
    const started = performance.now();
    expect(detectFormat(blank)).toBeNull();
    expect(detectFormat(`${"\n \t".repeat(200_000)}\n  @book{b,}`)).toBe("bibtex");
    expect(detectFormat(`\n\nTY  - JOUR\nAB  - see @misc{a,}\nER  - `)).toBe("ris");
    expect(detectFormat(`% exported\n@misc{a, note={TY  - x}}`)).toBe("bibtex");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses an oversized entry unparsed, as unreadable, and imports the others", async () => {
    const huge = `@article{big, title={${"x".repeat(IMPORT_MAX_ENTRY_BYTES)}}}\n`;
    const { entries } = await parseImport(`${huge}@book{b, title={Kept}}\n`);
    expect(entries.map((e) => ("item" in e ? e.item.title : e.error))).toEqual([
      "unreadable",
      "Kept",
    ]);
    expect(entries[0]!.label.length).toBeLessThanOrEqual(80);
  });

  it("lets other work run while it parses a large export", async () => {
    const entry = (i: number) => `@article{a${i}, title={Kayes report ${i}}, year={2024}}\n`;
    const text = Array.from({ length: 2000 }, (_, i) => entry(i)).join("");
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      const { entries } = await parseImport(text);
      expect(entries).toHaveLength(2000);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });
});
