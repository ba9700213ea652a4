import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { contentHash } from "@/lib/documents/content-hash";
import type { FrozenBrief } from "@/lib/publishing/frozen";
import { freezeBrief } from "@/lib/publishing/freeze";
import {
  briefWithContent,
  cite,
  createIncident,
  createSource,
  doc,
  embed,
  para,
} from "@/lib/publishing/test-helpers";
import { createVersion, ensureSlug } from "@/lib/publishing/versions";
import { yStateOfJson } from "@/lib/publishing/y-state";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { closePrintBrowser } from "./pdf-browser";
import { pdfText } from "./pdf-text";
import { FIXTURE_CITATIONS, FIXTURE_EMBEDS, FIXTURE_JSON, fixtureVersion } from "./test-fixture";
import { contentDisposition, findVersionExport } from "./version-export";

withTestDatabase("export-routes");
afterAll(() => closePrintBrowser());

let members: Record<Role, Member>;
let outsider: Member;

beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER"]));
  outsider = (await workspaceWith(["ADMIN"])).members.ADMIN;
});

/** A brief published (through lib/publishing's createVersion) with the export fixture. */
async function published(title: string): Promise<{ briefId: string; slug: string }> {
  const approver = members.APPROVER;
  const briefId = await briefWithContent(approver, FIXTURE_JSON, { title });
  const fixture = fixtureVersion({ title });
  const frozen: FrozenBrief = {
    title,
    language: "en",
    direction: "LTR",
    citationStyle: "chicago-note-bibliography",
    yjsState: yStateOfJson(FIXTURE_JSON),
    contentJson: FIXTURE_JSON,
    contentText: "Attacks on the Dakar corridor",
    contentHash: contentHash(FIXTURE_JSON, "chicago-note-bibliography"),
    html: fixture.html,
    embeds: FIXTURE_EMBEDS,
    citations: FIXTURE_CITATIONS,
    problems: [],
  };
  const slug = await db.$transaction(async (tx) => {
    const s = await ensureSlug(tx, { id: briefId, title });
    await createVersion(tx, {
      briefId,
      frozen,
      approvedById: approver.userId,
      approvedAt: new Date("2026-11-20T09:00:00Z"),
      publishedById: approver.userId,
    });
    return s;
  });
  return { briefId, slug };
}

const exportFor = (slug: string, format: string, member: Member | null, version = "1") =>
  findVersionExport(slug, version, format, member?.userId ?? null);

describe("findVersionExport", () => {
  it("serves members of the brief's workspace and nobody else while the link is private", async () => {
    const { slug } = await published("Export access private");
    for (const role of ["VIEWER", "EDITOR", "APPROVER"] as const) {
      const found = await exportFor(slug, "docx", members[role]);
      expect(found?.filename).toBe(`${slug}-v1-TLP-AMBER.docx`);
    }
    expect(await exportFor(slug, "docx", outsider)).toBeNull();
    expect(await exportFor(slug, "docx", null)).toBeNull();
  });

  it("serves anyone once the publisher made the link public, and nobody once the brief is deleted", async () => {
    const { briefId, slug } = await published("Export access public");
    await db.brief.update({ where: { id: briefId }, data: { publicLink: true, tlp: "CLEAR" } });
    expect((await exportFor(slug, "docx", null))?.format).toBe("docx");
    expect((await exportFor(slug, "docx", outsider))?.format).toBe("docx");
    await db.brief.update({ where: { id: briefId }, data: { deletedAt: new Date() } });
    expect(await exportFor(slug, "docx", null)).toBeNull();
    expect(await exportFor(slug, "docx", members.VIEWER)).toBeNull();
  });

  it("answers null for unknown formats, versions and slugs", async () => {
    const { slug } = await published("Export unknowns");
    const viewer = members.VIEWER;
    expect(await exportFor(slug, "odt", viewer)).toBeNull();
    expect(await exportFor(slug, "docx", viewer, "2")).toBeNull();
    for (const v of ["0", "v1", "01", "1e0", ""])
      expect(await exportFor(slug, "docx", viewer, v)).toBeNull();
    expect(await exportFor("no-such-brief", "docx", viewer)).toBeNull();
    expect(await exportFor("../../etc", "docx", viewer)).toBeNull();
  });

  it("generates each export once, stores it immutably and serves the same bytes after", async () => {
    const { slug } = await published("Export cache");
    const viewer = members.VIEWER;
    // Two first downloads at once: both get the one stored PDF.
    const [a, b] = await Promise.all([
      exportFor(slug, "pdf", viewer),
      exportFor(slug, "pdf", members.EDITOR),
    ]);
    expect(Buffer.from(a!.bytes).equals(Buffer.from(b!.bytes))).toBe(true);
    const stored = await db.briefVersionExport.findMany({
      where: { version: { brief: { slug } } },
    });
    expect(stored.map((s) => s.format)).toEqual(["pdf"]);
    expect(Buffer.from(stored[0]!.data).equals(Buffer.from(a!.bytes))).toBe(true);
    const { text } = await pdfText(a!.bytes);
    expect(text).toContain("Export cache");
    expect(text).toContain("Approved by");

    const again = await exportFor(slug, "pdf", viewer);
    expect(Buffer.from(again!.bytes).equals(Buffer.from(a!.bytes))).toBe(true);
    await expect(
      db.$executeRaw`UPDATE brief_version_exports SET data = '\\x00' WHERE format = 'pdf'`,
    ).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`DELETE FROM brief_version_exports`).rejects.toThrow(/immutable/);

    const docx = await exportFor(slug, "docx", viewer);
    const xml = await (
      await JSZip.loadAsync(docx!.bytes)
    )
      .file("word/document.xml")!
      .async("string");
    expect(xml).toContain("Export cache");
  }, 60_000);
});

describe("exports of a version frozen by the publisher", () => {
  it("finds every embed's frozen result and every note, and keep them after the data changes", async () => {
    const approver = members.APPROVER;
    const source = await createSource(approver, "Rapport trimestriel sur Nioro");
    await createIncident(approver.workspaceId, {
      externalId: "GED-77",
      date: "2024-02-03",
      admin1: "Kayes",
      fatalities: 9,
    });
    const spec = { kind: "table", filter: { admin1: "Kayes" } }; // defaults filled by the schema
    const content = doc(
      para(
        "Le corridor reste fermé.",
        cite({ kind: "source", id: source.id, locator: "4", label: "page" }),
      ),
      embed("incidentTable", spec),
      para(
        "Morts recensés : ",
        embed("incidentFigure", {
          kind: "figure",
          filter: { admin1: "Kayes" },
          metric: "fatalities",
        }),
        ".",
      ),
    );
    const briefId = await briefWithContent(approver, content, {
      title: "Nioro frozen",
      language: "fr",
    });
    const frozen = await freezeBrief(approver, briefId);
    expect(frozen.problems).toEqual([]);
    const slug = await db.$transaction(async (tx) => {
      const s = await ensureSlug(tx, { id: briefId, title: "Nioro frozen" });
      await createVersion(tx, {
        briefId,
        frozen,
        approvedById: approver.userId,
        approvedAt: new Date(),
        publishedById: approver.userId,
      });
      return s;
    });
    // A later import changes the row: the export still shows the frozen figures.
    await db.incident.updateMany({
      where: { workspaceId: approver.workspaceId, externalId: "GED-77" },
      data: { fatalitiesBest: 99 },
    });

    const docx = await exportFor(slug, "docx", members.VIEWER);
    const zip = await JSZip.loadAsync(docx!.bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    const notes = await zip.file("word/footnotes.xml")!.async("string");
    expect(xml).toContain("Nioro du Sahel"); // the frozen row, in the table
    expect(xml).toContain("Morts recensés : </w:t>");
    expect(xml).toMatch(/<w:t[^>]*>9<\/w:t>[\s\S]*<w:t[^>]*>\.<\/w:t>/);
    expect(xml).not.toContain(">99<");
    expect(xml).not.toContain("Données absentes");
    expect(notes).toContain("Rapport trimestriel sur Nioro");
    expect(xml).toContain("Bibliographie");
  });
});

describe("contentDisposition", () => {
  it("keeps ASCII names plain and adds an RFC 5987 name for others", () => {
    expect(contentDisposition("kayes-weekly-v2.pdf")).toBe(
      'attachment; filename="kayes-weekly-v2.pdf"',
    );
    expect(contentDisposition("تقرير-v1.docx")).toBe(
      `attachment; filename="-v1.docx"; filename*=UTF-8''${encodeURIComponent("تقرير-v1.docx")}`,
    );
    expect(contentDisposition('Kayès "q".pdf')).toBe(
      `attachment; filename="Kayes _q_.pdf"; filename*=UTF-8''Kay%C3%A8s%20%22q%22.pdf`,
    );
  });
});
