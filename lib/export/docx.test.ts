import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { renderDocx } from "./docx";
import { fixtureVersion } from "./test-fixture";

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  return { zip, read };
}

/** The <w:p> elements of a document part, each as its XML. */
function paragraphs(xml: string): string[] {
  return xml.match(/<w:p\b[\s\S]*?<\/w:p>/g) ?? [];
}
const textOf = (xml: string) =>
  (xml.match(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g) ?? [])
    .map((t) => t.replace(/<[^>]+>/g, ""))
    .join("");

describe("renderDocx", () => {
  it("writes RTL paragraphs with w:bidi and RTL runs, LTR ones without", async () => {
    const { read } = await unzip(await renderDocx(fixtureVersion()));
    const doc = await read("word/document.xml");
    const arabic = paragraphs(doc).find((x) => textOf(x).includes("تصاعدت الهجمات"));
    expect(arabic).toBeDefined();
    expect(arabic).toMatch(/<w:bidi\/>/);
    expect(arabic).toMatch(/<w:rtl\/>/);
    expect(arabic).toMatch(/w:cs="Noto Naskh Arabic"/);
    const english = paragraphs(doc).find((x) => textOf(x).includes("Dakar corridor"));
    expect(english).not.toMatch(/<w:bidi\/>/);
  });

  it("turns citations into real Word footnotes carrying the frozen note text", async () => {
    const { read } = await unzip(await renderDocx(fixtureVersion()));
    const doc = await read("word/document.xml");
    const notes = await read("word/footnotes.xml");
    expect(doc.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    expect(textOf(notes)).toContain("MINUSMA, Quarterly Note on Human Rights, 12.");
    expect(textOf(notes)).toContain("الأمم المتحدة، تقرير عن الوضع في كاي");
    // Italic from the citeproc HTML survives as a Word italic run.
    expect(notes).toMatch(/<w:i\/>[\s\S]*?<w:t[^>]*>Quarterly Note on Human Rights<\/w:t>/);
    // The Arabic note is a right-to-left paragraph too.
    const arabicNote = paragraphs(notes).find((x) => textOf(x).includes("الأمم المتحدة"));
    expect(arabicNote).toMatch(/<w:bidi\/>/);
  });

  it("writes the brief's table, the frozen incident rows, the figure, the chart and the bibliography", async () => {
    const { zip, read } = await unzip(await renderDocx(fixtureVersion()));
    const doc = await read("word/document.xml");
    const text = textOf(doc);
    expect(doc.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(3); // brief table, incidents, chart data
    expect(text).toContain("Nioro du Sahel");
    expect(text).toContain("JNIM – Civilians (Mali)");
    expect(text).toContain("Diéma");
    expect(text).toContain("2 incidents, 10 fatalities");
    expect(text).toContain("Fatalities reached 1,234 over the year.");
    expect(Object.keys(zip.files).some((f) => /^word\/charts\/chart\d+\.xml$/.test(f))).toBe(true);
    expect(text).toContain("Bibliography");
    expect(text).toContain("MINUSMA. Quarterly Note on Human Rights. Bamako, 2024.");
    expect(text.indexOf("Bibliography")).toBeGreaterThan(text.indexOf("Diéma"));
    expect(doc).toContain('w:val="Heading1"');
    expect(await read("word/_rels/document.xml.rels")).toContain("https://example.org/report");
  });

  it("carries title, version, approver and date in the text and the document properties", async () => {
    const { read } = await unzip(await renderDocx(fixtureVersion({ number: 3 })));
    const text = textOf(await read("word/document.xml"));
    expect(text).toContain("Kayes weekly");
    expect(text).toContain("Version 3");
    expect(text).toContain("Approved by Aminata Approver on November 20, 2026");
    const core = await read("docProps/core.xml");
    expect(core).toContain("<dc:title>Kayes weekly</dc:title>");
    expect(await read("docProps/custom.xml")).toContain("Aminata Approver");
  });

  it("lays an Arabic version out right to left, in Arabic, with its tables mirrored", async () => {
    const version = fixtureVersion({
      language: "ar",
      direction: "RTL",
      title: "تقرير كاي الأسبوعي",
    });
    const { read } = await unzip(await renderDocx(version));
    const doc = await read("word/document.xml");
    const title = paragraphs(doc).find((x) => textOf(x).includes("تقرير كاي الأسبوعي"));
    expect(title).toMatch(/<w:bidi\/>/);
    expect(textOf(doc)).toContain("الإصدار 1");
    expect(textOf(doc)).toContain("المراجع");
    expect(doc).toMatch(/<w:bidiVisual\/>/);
    expect(await read("word/styles.xml")).toMatch(/w:lang w:val="ar-SA"/);
  });

  it("says so when an embed has no frozen result or a note cites a deleted source", async () => {
    const base = fixtureVersion();
    const version = fixtureVersion({
      embeds: { ...base.embeds, embeds: base.embeds.embeds.filter((e) => e.kind !== "table") },
      citations: {
        ...base.citations,
        notes: [{ note: 1, html: "", missing: 1 }, base.citations.notes[1]!],
      },
    });
    const { read } = await unzip(await renderDocx(version));
    const text = textOf(await read("word/document.xml"));
    expect(text).toContain("Data not available in this version");
    expect(text).not.toContain("Diéma");
    expect(textOf(await read("word/footnotes.xml"))).toContain("(Missing source)");
  });

  it("numbers ordered lists from their own start, each list restarting", async () => {
    const item = (text: string) => ({
      type: "listItem",
      content: [{ type: "paragraph", content: [{ type: "text", text }] }],
    });
    const contentJson = {
      type: "doc",
      content: [
        { type: "orderedList", attrs: { start: 3 }, content: [item("third"), item("fourth")] },
        { type: "orderedList", attrs: { start: 1 }, content: [item("first again")] },
      ],
    };
    const { read } = await unzip(await renderDocx(fixtureVersion({ contentJson })));
    const numbering = await read("word/numbering.xml");
    expect(numbering).toMatch(/<w:start w:val="3"\/>/);
    const doc = await read("word/document.xml");
    const numIds = [...doc.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(numIds).toHaveLength(3);
    expect(numIds[0]).toBe(numIds[1]); // same list
    expect(numIds[2]).not.toBe(numIds[0]); // a new list restarts
  });
});
