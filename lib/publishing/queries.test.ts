import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { freezeBrief } from "./freeze";
import { findPublication, getVersion, getVersionById, listVersions } from "./queries";
import { loadReaderView, parseVersionNumber } from "./reader";
import { briefWithContent, doc, para } from "./test-helpers";
import { createVersion, ensureSlug } from "./versions";

withTestDatabase("publishing-queries");

/** A brief of a fresh workspace published `versions` times (text changing each time). */
async function published(options: { publicLink: boolean; versions?: number }) {
  const { members } = await workspaceWith(["VIEWER", "APPROVER", "ADMIN"]);
  const approver = members.APPROVER;
  const briefId = await briefWithContent(approver, doc(para("v1")), { title: "Ségou weekly" });
  const slug = await db.$transaction((tx) =>
    ensureSlug(tx, { id: briefId, title: "Ségou weekly" }),
  );
  for (let n = 1; n <= (options.versions ?? 1); n += 1) {
    const frozen = await freezeBrief(approver, briefId);
    await createVersion(db, {
      briefId,
      frozen: { ...frozen, contentText: `v${n}` },
      approvedById: members.ADMIN.userId,
      approvedAt: new Date(),
      publishedById: approver.userId,
    });
  }
  // Only a TLP:CLEAR brief may have a public link.
  const tlp = options.publicLink ? "CLEAR" : "AMBER";
  await db.brief.update({ where: { id: briefId }, data: { publicLink: options.publicLink, tlp } });
  return { members, briefId, slug };
}

describe("findPublication", () => {
  it("shows a members-only publication to members of its workspace only", async () => {
    const { members, briefId, slug } = await published({ publicLink: false });
    const other = await workspaceWith(["ADMIN"]);
    const viewer = await findPublication(slug, members.VIEWER.userId);
    expect(viewer).toMatchObject({
      brief: { id: briefId, slug, publicLink: false },
      member: { role: "VIEWER" },
    });
    expect(await findPublication(slug, other.members.ADMIN.userId)).toBeNull();
    expect(await findPublication(slug, null)).toBeNull();
  });

  it("shows a public publication to anyone, with the membership of those who have one", async () => {
    const { members, slug } = await published({ publicLink: true });
    const other = await workspaceWith(["ADMIN"]);
    expect(await findPublication(slug, null)).toMatchObject({
      member: null,
      brief: { publicLink: true },
    });
    expect(await findPublication(slug, other.members.ADMIN.userId)).toMatchObject({ member: null });
    expect(await findPublication(slug, members.VIEWER.userId)).toMatchObject({
      member: { role: "VIEWER" },
    });
  });

  it("hides a deleted brief from everyone, even a public one and even from admins", async () => {
    const { members, briefId, slug } = await published({ publicLink: true });
    await db.brief.update({ where: { id: briefId }, data: { deletedAt: new Date() } });
    expect(await findPublication(slug, null)).toBeNull();
    expect(await findPublication(slug, members.ADMIN.userId)).toBeNull();
  });

  it("answers null for unknown or malformed slugs and for a brief never published", async () => {
    const { members } = await workspaceWith(["ADMIN"]);
    const briefId = await briefWithContent(members.ADMIN, doc(para("x")), { title: "Unpublished" });
    const slug = await ensureSlug(db, { id: briefId, title: "Unpublished" });
    await db.brief.update({ where: { id: briefId }, data: { publicLink: true, tlp: "CLEAR" } });
    expect(await findPublication(slug, members.ADMIN.userId)).toBeNull();
    expect(await findPublication("no-such-brief", members.ADMIN.userId)).toBeNull();
    expect(await findPublication("../etc/passwd", null)).toBeNull();
    expect(await findPublication("", null)).toBeNull();
  });
});

describe("versions", () => {
  it("lists versions newest first and reads one by number, by latest and by id", async () => {
    const { briefId } = await published({ publicLink: false, versions: 3 });
    const list = await listVersions(briefId);
    expect(list.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(list[0]).toMatchObject({
      title: "Ségou weekly",
      approvedBy: { name: expect.stringContaining("ADMIN") },
      publishedBy: { name: expect.stringContaining("APPROVER") },
    });
    const second = await getVersion(briefId, 2);
    expect(second).toMatchObject({
      number: 2,
      contentText: "v2",
      direction: "LTR",
      language: "en",
    });
    expect(second?.html).toContain('<p dir="ltr">v1</p>');
    expect(second?.citations.notes).toEqual([]);
    expect(second?.embeds.embeds).toEqual([]);
    expect((await getVersion(briefId, "latest"))?.number).toBe(3);
    expect(await getVersion(briefId, 4)).toBeNull();
    expect(await getVersion(briefId, 0)).toBeNull();
    expect(await getVersion(briefId, 1.5)).toBeNull();
    expect((await getVersionById(second!.id))?.number).toBe(2);
    expect(await getVersionById("nope")).toBeNull();
  });
});

describe("loadReaderView", () => {
  it("gives members the compare and draft links, and visitors of a public brief the downloads only", async () => {
    const { members, briefId, slug } = await published({ publicLink: true, versions: 2 });
    const ws = await db.workspace.findUniqueOrThrow({
      where: { id: members.VIEWER.workspaceId },
      select: { slug: true },
    });
    const member = await loadReaderView(slug, "2", members.VIEWER.userId);
    expect(member).toMatchObject({
      isLatest: true,
      compareHref: `/w/${ws.slug}/briefs/${briefId}/compare?from=v1&to=v2`,
      draftHref: `/w/${ws.slug}/briefs/${briefId}`,
      exports: { pdf: `/p/${slug}/v/2/export/pdf`, docx: `/p/${slug}/v/2/export/docx` },
    });
    expect((await loadReaderView(slug, "1", members.VIEWER.userId))?.compareHref).toBeNull();
    expect((await loadReaderView(slug, "1", members.VIEWER.userId))?.isLatest).toBe(false);
    const visitor = await loadReaderView(slug, "latest", null);
    expect(visitor).toMatchObject({
      compareHref: null,
      draftHref: null,
      exports: { pdf: `/p/${slug}/v/2/export/pdf` },
    });
    expect(await loadReaderView(slug, "3", null)).toBeNull();
    expect(await loadReaderView(slug, "v1", null)).toBeNull();
  });

  it("parses only plain positive version numbers", () => {
    expect(parseVersionNumber("12")).toBe(12);
    for (const bad of ["0", "01", "-1", "1.0", "1e3", "v1", "", "9999999999"]) {
      expect(parseVersionNumber(bad)).toBeNull();
    }
  });
});
