import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_PUBLICATIONS } from "@/lib/demo/publications";
import { seedDemo } from "@/lib/demo/seed";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { loadReaderView } from "./reader";

withTestDatabase("publishing-demo");

const [arabic, french] = DEMO_PUBLICATIONS;

describe("demo publications", () => {
  it("publish the Arabic brief publicly with its footnotes and the French one for members", async () => {
    await seedDemo();
    const visitorAr = await loadReaderView(arabic.slug, "latest", null);
    expect(visitorAr).not.toBeNull();
    expect(visitorAr!.version).toMatchObject({ number: 1, direction: "RTL", language: "ar" });
    expect(visitorAr!.version.html).toMatch(/^<div class="brief-body" dir="rtl" lang="ar">/);
    expect(visitorAr!.version.html).toContain('<a href="#fn-2">2</a>');
    // Two sources and the UCDP rows behind the inline figure, credited under their licence.
    expect(visitorAr!.version.citations.notes.map((n) => n.missing)).toEqual([0, 0, 0]);
    expect(visitorAr!.version.html).toContain("معهد تمبكتو");
    expect(visitorAr!.version.citations.notes[2]!.html).toContain("UCDP GED 26.0.7, 636520");
    expect(visitorAr!.version.html).toContain(
      "Uppsala Conflict Data Program, Uppsala University (CC BY 4.0)",
    );
    expect(visitorAr!.version.html).toContain('class="embed-figure"');
    expect(visitorAr!.exports).toEqual({
      pdf: `/p/${arabic.slug}/v/1/export/pdf`,
      docx: `/p/${arabic.slug}/v/1/export/docx`,
    });
    expect(visitorAr!.draftHref).toBeNull();
    expect(visitorAr!.compareHref).toBeNull();

    // The draft is the published document: it holds the same citations.
    const draft = await db.briefDocument.findUniqueOrThrow({
      where: { briefId: arabic.briefId },
      select: { contentJson: true },
    });
    expect(draft.contentJson).toEqual(visitorAr!.version.contentJson);
    // …and the brief reads as published through the review panel: approval and audit log.
    const brief = await db.brief.findUniqueOrThrow({
      where: { id: arabic.briefId },
      include: { transitions: { orderBy: { createdAt: "asc" } } },
    });
    expect(brief).toMatchObject({
      status: "PUBLISHED",
      approvedHash: visitorAr!.version.contentHash,
    });
    expect(brief.transitions.map((t) => [t.kind, t.fromStatus, t.toStatus])).toEqual([
      ["SUBMIT", "DRAFT", "IN_REVIEW"],
      ["APPROVE", "IN_REVIEW", "APPROVED"],
      ["PUBLISH", "APPROVED", "PUBLISHED"],
    ]);

    expect(await loadReaderView(french.slug, "latest", null)).toBeNull();
    const viewer = await db.user.findUniqueOrThrow({ where: { email: "viewer@briefroom.test" } });
    const member = await loadReaderView(french.slug, "1", viewer.id);
    expect(member?.version.title).toContain("Kayes");
    expect(member?.draftHref).toBe(`/w/western-mali/briefs/${french.briefId}`);
  });

  it("are created once", async () => {
    const before = await db.briefVersion.count();
    expect((await seedDemo()).created).toBe(0);
    expect(await db.briefVersion.count()).toBe(before);
  });
});
