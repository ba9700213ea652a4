import { describe, expect, it } from "vitest";
import type { CitationItem } from "@/lib/editor/citation-items";
import type { SourceForCitation } from "./csl-item";
import { formatCitations } from "./format";
import { sanitizeCitationHtml } from "./sanitize";

const base: Omit<SourceForCitation, "id" | "title"> = {
  type: "report",
  titleTranslated: null,
  authors: [],
  issued: null,
  accessed: null,
  containerTitle: null,
  publisher: null,
  publisherPlace: null,
  url: null,
  doi: null,
  language: null,
  archive: null,
  archiveLocation: null,
};
const TI = "11111111-1111-4111-8111-111111111111";
const AR = "22222222-2222-4222-8222-222222222222";
const FR = "33333333-3333-4333-8333-333333333333";
const GONE = "44444444-4444-4444-8444-444444444444";
const sources = new Map<string, SourceForCitation>([
  [
    TI,
    {
      ...base,
      id: TI,
      title: "JNIM's expansion in the Kayes region",
      authors: [{ literal: "Timbuktu Institute" }],
      issued: "2024-05",
      publisher: "Timbuktu Institute",
      publisherPlace: "Dakar",
      url: "https://timbuktu-institute.org/kayes",
    },
  ],
  [
    AR,
    {
      ...base,
      id: AR,
      type: "article-newspaper",
      title: "تضاعف هجمات الجماعة في منطقة كايس",
      titleTranslated: "Group's attacks multiply in the Kayes region",
      containerTitle: "الجزيرة نت",
      issued: "2025",
      language: "ar",
    },
  ],
  [
    FR,
    {
      ...base,
      id: FR,
      type: "article-newspaper",
      title: "Trois soldats tués à Melgué",
      authors: [{ family: "Traoré", given: "Aminata" }],
      containerTitle: "Le Républicain",
      issued: "2025-02-14",
      language: "fr",
    },
  ],
]);
const cite = (id: string, extra: Partial<CitationItem> = {}): CitationItem =>
  ({ kind: "source", id, ...extra }) as CitationItem;
const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("formatCitations", () => {
  it("formats Chicago notes-bibliography: short notes with locators, a full sorted bibliography", () => {
    const out = formatCitations({
      style: "chicago-note-bibliography",
      language: "en",
      clusters: [
        [cite(TI, { locator: "12", label: "page" })],
        [cite(FR)],
        [cite(TI, { prefix: "See" })],
      ],
      sources,
    });
    expect(out.notes.map((n) => n.note)).toEqual([1, 2, 3]);
    expect(text(out.notes[0]!.html)).toBe(
      "Timbuktu Institute, “JNIM’s Expansion in the Kayes Region,” 12.",
    );
    expect(text(out.notes[1]!.html)).toContain("Traoré, “Trois soldats tués à Melgué.”");
    expect(text(out.notes[2]!.html)).toMatch(/^See Timbuktu Institute/);
    expect(out.bibliography.map((b) => text(b.html))).toEqual([
      "Timbuktu Institute. “JNIM’s Expansion in the Kayes Region.” Dakar: Timbuktu Institute, May 2024. https://timbuktu-institute.org/kayes.",
      "Traoré, Aminata. “Trois soldats tués à Melgué.” Le Républicain, February 14, 2025.",
    ]);
  });

  it("formats APA with partial dates: a year-month report shows only the year", () => {
    const out = formatCitations({
      style: "apa",
      language: "en",
      clusters: [[cite(TI, { locator: "3", label: "page" })], [cite(FR)]],
      sources,
    });
    expect(text(out.notes[0]!.html)).toBe("(Timbuktu Institute, 2024, p. 3)");
    expect(text(out.notes[1]!.html)).toBe("(Traoré, 2025)");
    expect(out.bibliography[0]!.html).toContain("<i>JNIM’s expansion in the Kayes region</i>");
  });

  it("formats the French ISO 690 note style with French terms and punctuation", () => {
    const out = formatCitations({
      style: "iso690-note-fr",
      language: "fr",
      clusters: [[cite(TI, { locator: "12", label: "page" })]],
      sources,
    });
    const note = text(out.notes[0]!.html).replace(/[\u00a0\u202f]/g, " ");
    expect(note).toContain("TIMBUKTU INSTITUTE");
    expect(note).toContain("Dakar : Timbuktu Institute, mai 2024, p. 12");
    expect(note).toContain("Disponible à l’adresse : https://timbuktu-institute.org/kayes");
  });

  it("isolates Arabic titles and outlets so punctuation stays on the right side", () => {
    const out = formatCitations({
      style: "chicago-note-bibliography",
      language: "en",
      clusters: [[cite(AR)]],
      sources,
    });
    const entry = text(out.bibliography[0]!.html);
    expect(entry).toContain(
      "\u2068تضاعف هجمات الجماعة في منطقة كايس\u2069 [Group’s attacks multiply in the Kayes region]",
    );
    expect(entry).toContain("\u2068الجزيرة نت\u2069");
    // An Arabic brief uses the Arabic CSL locale (month names, terms).
    const ar = formatCitations({
      style: "chicago-note-bibliography",
      language: "ar",
      clusters: [[cite(TI)]],
      sources,
    });
    expect(text(ar.bibliography[0]!.html)).toContain("مايو");
  });

  it("counts a deleted source as missing instead of failing, and keeps the other items", () => {
    const out = formatCitations({
      style: "chicago-note-bibliography",
      language: "en",
      clusters: [[cite(GONE)], [cite(GONE), cite(FR)]],
      sources,
    });
    expect(out.notes[0]).toEqual({ note: 1, html: "", missing: 1 });
    expect(out.notes[1]!.missing).toBe(1);
    expect(text(out.notes[1]!.html)).toContain("Traoré");
    expect(out.bibliography).toHaveLength(1);
  });

  it("cites an incident row as a dataset with its release and access date", () => {
    const out = formatCitations({
      style: "chicago-note-bibliography",
      language: "en",
      clusters: [
        [
          {
            kind: "incident",
            dataset: "ACLED",
            rowId: "MLI32145",
            version: "2025-02",
            accessed: "2025-03-01",
          },
        ],
      ],
      sources,
    });
    expect(text(out.notes[0]!.html)).toContain("ACLED 2025-02, MLI32145");
    expect(text(out.bibliography[0]!.html)).toContain("Accessed March 1, 2025");
  });

  it("credits a licensed dataset in the notes and bibliography entries that cite its rows", () => {
    const row = (rowId: string) => ({
      kind: "incident" as const,
      dataset: "UCDP GED",
      rowId,
      version: "26.0.7",
      accessed: "2026-12-02",
    });
    const credit =
      "UCDP Candidate Events Dataset v26.0.7, Uppsala Conflict Data Program, Uppsala University (CC BY 4.0)";
    for (const style of ["chicago-note-bibliography", "apa", "iso690-note-fr"] as const) {
      const out = formatCitations({
        style,
        language: style === "iso690-note-fr" ? "fr" : "en",
        clusters: [[row("636520"), row("636664")], [cite(FR)]],
        sources,
      });
      const note = text(out.notes[0]!.html).replace(/[\u2068\u2069]/g, "");
      expect(note).toContain("636664");
      // Once per release in a note, however many of its rows the note cites.
      expect(note.split(credit)).toHaveLength(2);
      expect(text(out.notes[1]!.html)).not.toContain("Uppsala");
      const entries = out.bibliography.map((b) => text(b.html).replace(/[\u2068\u2069]/g, ""));
      expect(entries.filter((e) => e.includes(credit))).toHaveLength(2);
    }
    const acled = formatCitations({
      style: "chicago-note-bibliography",
      language: "en",
      clusters: [
        [{ kind: "incident", dataset: "ACLED", rowId: "MLI1", version: "", accessed: "" }],
      ],
      sources,
    });
    // The ampersand of ACLED's name is escaped, not markup.
    expect(acled.notes[0]!.html).toContain("Armed Conflict Location &amp; Event Data (ACLED)");
  });

  it("escapes markup coming from source fields", () => {
    const evil = new Map(sources);
    evil.set(GONE, { ...base, id: GONE, title: '<img src=x onerror="alert(1)">Report' });
    const out = formatCitations({
      style: "apa",
      language: "en",
      clusters: [[cite(GONE)]],
      sources: evil,
    });
    expect(out.bibliography[0]!.html).not.toContain("<img");
    expect(
      sanitizeCitationHtml(
        '<i>ok</i><script>x</script><span style="font-variant:small-caps;">A</span>',
      ),
    ).toBe(
      '<i>ok</i>&lt;script&gt;x&lt;/script&gt;<span style="font-variant:small-caps;">A</span>',
    );
  });
});
