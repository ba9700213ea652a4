import { describe, expect, it } from "vitest";
import { parseImport, splitBibtex } from "./parse-import";

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

  it("imports real entries from a BibTeX file", () => {
    const { format, entries } = parseImport(
      "@article{a, title={First paper}, year={2020}}\n\n@book{b, title={Second book}, year={2021}}\n",
    );
    expect(format).toBe("bibtex");
    expect(entries.map((e) => ("item" in e ? e.item.title : e.error))).toEqual([
      "First paper",
      "Second book",
    ]);
  });
});
