import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { commitImport } from "@/lib/incidents/import/commit-import";
import { parseImportFile } from "@/lib/incidents/import/parse-import";
import { bytesSource } from "@/lib/incidents/import/read-file";
import { freezeBrief } from "@/lib/publishing/freeze";
import { getVersion } from "@/lib/publishing/queries";
import { briefWithContent, doc, embed, para } from "@/lib/publishing/test-helpers";
import { createVersion } from "@/lib/publishing/versions";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { renderDocx } from "./docx";
import type { ExportVersion } from "./export-version";
import { renderPdf } from "./pdf";
import { closePrintBrowser } from "./pdf-browser";
import { hasArabicWord, pdfText } from "./pdf-text";

withTestDatabase("export-map");
afterAll(() => closePrintBrowser());

const SAMPLE = readFileSync(
  path.join(__dirname, "../incidents/fixtures/ucdp-ged-candidate-26.0.7-mali-sample.csv"),
  "utf8",
);

/** A published version of a brief holding one map of the 12 UCDP sample rows. */
async function publishedMap(language: "en" | "ar"): Promise<ExportVersion> {
  const { members } = await workspaceWith(["APPROVER"]);
  const approver = members.APPROVER;
  await commitImport(
    approver,
    await parseImportFile(bytesSource(SAMPLE), { expected: "UCDP_GED" }),
    {
      fileName: "ucdp.csv",
      fileSize: 1,
      datasetVersion: "26.0.7",
      accessDate: new Date("2026-11-20"),
    },
  );
  const briefId = await briefWithContent(
    approver,
    doc(
      para(language === "ar" ? "الخريطة" : "The map:"),
      embed("incidentMap", { kind: "map", filter: {} }),
    ),
    language === "ar" ? { language: "ar", direction: "RTL", title: "خريطة" } : { title: "Map" },
  );
  const frozen = await freezeBrief(approver, briefId);
  expect(frozen.problems).toEqual([]);
  const { number } = await createVersion(db, {
    briefId,
    frozen,
    approvedById: approver.userId,
    approvedAt: new Date("2026-11-20T10:00:00Z"),
    publishedById: approver.userId,
  });
  const v = (await getVersion(briefId, number))!;
  return {
    id: v.id,
    slug: "map",
    number,
    title: v.title,
    language: v.language,
    direction: v.direction,
    html: v.html,
    contentJson: v.contentJson,
    embeds: v.embeds,
    citations: v.citations,
    approverName: v.approvedBy.name,
    approvedAt: v.approvedAt,
    publishedAt: v.publishedAt,
  };
}

describe("a map in the exports", () => {
  it("is a picture in the Word file: the frozen SVG with a PNG fallback, its title and counts", async () => {
    const version = await publishedMap("en");
    const zip = await JSZip.loadAsync(await renderDocx(version));
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    const svgName = media.find((f) => f.endsWith(".svg"));
    const pngName = media.find((f) => f.endsWith(".png"));
    expect(svgName).toBeDefined();
    expect(pngName).toBeDefined();
    const svg = await zip.file(svgName!)!.async("string");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/data-mark="(point|centroid|cluster)"/g)?.length).toBeGreaterThanOrEqual(8);
    expect(svg).toContain(">Mali</text>");
    expect(svg).not.toContain("<a ");
    const png = await zip.file(pngName!)!.async("uint8array");
    // A real PNG, drawn at twice the map's 800 px width.
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe("PNG");
    expect(Buffer.from(png).readUInt32BE(16)).toBe(1600);
    const document = await zip.file("word/document.xml")!.async("string");
    expect(document).toMatch(/<a:blip r:embed="[^"]+"/);
    expect(document).toContain("asvg:svgBlip");
    expect(document).toContain('name="incident-map"');
    expect(document).toContain("Map of incidents · Mali");
    expect(document).toContain("Rows not mapped (no usable coordinates, or outside this map): 0");
  }, 60_000);

  it("is drawn in the PDF, with its labels and credits as text, in Arabic for an Arabic brief", async () => {
    const english = await pdfText(await renderPdf(await publishedMap("en")));
    expect(english.text).toContain("Map of incidents · Mali");
    expect(english.text).toContain("Mauritania");
    expect(english.text).toContain("Natural Earth");
    expect(english.text).toContain("UCDP Candidate Events Dataset v26.0.7");
    const arabic = await pdfText(await renderPdf(await publishedMap("ar")));
    for (const word of ["موريتانيا", "السنغال", "الحوادث"])
      expect(hasArabicWord(arabic, word)).toBe(true);
  }, 120_000);
});
