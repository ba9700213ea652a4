import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { freezeBrief } from "./freeze";
import { briefWithContent, doc, para } from "./test-helpers";
import { createVersion, ensureSlug, slugify } from "./versions";

withTestDatabase("publishing-versions");

async function publishedBrief() {
  const { members } = await workspaceWith(["APPROVER", "EDITOR"]);
  const approver = members.APPROVER;
  const briefId = await briefWithContent(approver, doc(para("Kayes: the road is closed.")));
  const frozen = await freezeBrief(approver, briefId);
  const input = {
    briefId,
    frozen,
    approvedById: approver.userId,
    approvedAt: new Date(),
    publishedById: approver.userId,
  };
  const version = await createVersion(db, input);
  return { approver, briefId, frozen, input, version };
}

describe("createVersion", () => {
  it("stores the frozen brief as version 1, then 2", async () => {
    const { briefId, frozen, input, version } = await publishedBrief();
    expect(version.number).toBe(1);
    expect((await createVersion(db, input)).number).toBe(2);
    const stored = await db.briefVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(stored).toMatchObject({
      briefId,
      title: frozen.title,
      contentHash: frozen.contentHash,
      contentText: "Kayes: the road is closed.",
    });
    expect(stored.html).toContain('<p dir="ltr">Kayes: the road is closed.</p>');
    expect(new Uint8Array(stored.yjsState)).toEqual(frozen.yjsState);
  });

  it("refuses a brief that still has publish problems", async () => {
    const { input } = await publishedBrief();
    const frozen = {
      ...input.frozen,
      problems: [{ kind: "brokenEmbed" as const, index: 1, reason: "invalidSpec" }],
    };
    expect(await domainCode(createVersion(db, { ...input, frozen }))).toBe("validation");
  });

  it("gives concurrent publishers distinct numbers under the brief row lock", async () => {
    const { briefId, input } = await publishedBrief();
    const publishOnce = () =>
      db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM briefs WHERE id = ${briefId}::uuid FOR UPDATE`;
        return createVersion(tx, input);
      });
    const numbers = (await Promise.all([publishOnce(), publishOnce(), publishOnce()])).map(
      (v) => v.number,
    );
    expect(numbers.sort()).toEqual([2, 3, 4]);
  });

  it("lets the unique (brief, number) refuse a duplicate when a caller forgot the lock", async () => {
    const { briefId, input } = await publishedBrief();
    let releaseFirst!: () => void;
    const firstInserted = new Promise<void>((resolve) => {
      const first = db.$transaction(async (tx) => {
        const version = await createVersion(tx, input);
        resolve();
        // Hold the transaction open while the second one computes the same number.
        await new Promise<void>((release) => (releaseFirst = release));
        return version;
      });
      void first.then((v) => expect(v.number).toBe(2));
    });
    await firstInserted;
    const second = db.$transaction((tx) => createVersion(tx, input));
    // The second insert waits on the first's uncommitted index entry, then fails.
    await new Promise((r) => setTimeout(r, 300));
    releaseFirst();
    await expect(second).rejects.toMatchObject({ code: "P2002" });
    const rows = await db.briefVersion.findMany({ where: { briefId }, select: { number: true } });
    expect(rows.map((r) => r.number).sort()).toEqual([1, 2]);
  });
});

describe("published versions are immutable", () => {
  it("refuses UPDATE, DELETE and TRUNCATE on brief_versions in SQL", async () => {
    const { version } = await publishedBrief();
    await expect(
      db.$executeRaw`UPDATE brief_versions SET html = '<p>forged</p>' WHERE id = ${version.id}::uuid`,
    ).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`UPDATE brief_versions SET number = number + 100`).rejects.toThrow(
      /immutable/,
    );
    await expect(
      db.$executeRaw`DELETE FROM brief_versions WHERE id = ${version.id}::uuid`,
    ).rejects.toThrow(/immutable/);
    await expect(db.$executeRawUnsafe("TRUNCATE brief_versions CASCADE")).rejects.toThrow(
      /immutable/,
    );
    const stored = await db.briefVersion.findUniqueOrThrow({
      where: { id: version.id },
      select: { html: true, number: true },
    });
    expect(stored.html).not.toContain("forged");
    expect(stored.number).toBe(1);
  });

  it("refuses updates and deletes through Prisma too", async () => {
    const { briefId, version } = await publishedBrief();
    // Prisma reports the trigger's restrict_violation as a constraint error (P2003).
    const refused = { code: "P2003" };
    await expect(
      db.briefVersion.update({ where: { id: version.id }, data: { title: "forged" } }),
    ).rejects.toMatchObject(refused);
    await expect(
      db.briefVersion.updateMany({ where: { briefId }, data: { contentText: "forged" } }),
    ).rejects.toMatchObject(refused);
    await expect(db.briefVersion.delete({ where: { id: version.id } })).rejects.toMatchObject(
      refused,
    );
    await expect(db.briefVersion.deleteMany({ where: { briefId } })).rejects.toMatchObject(refused);
    // Nor can a brief with versions be deleted out from under them.
    await expect(db.brief.delete({ where: { id: briefId } })).rejects.toThrow();
    const stored = await db.briefVersion.findMany({
      where: { briefId },
      select: { title: true, contentText: true },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.title).not.toBe("forged");
    expect(stored[0]!.contentText).not.toBe("forged");
  });

  it("refuses UPDATE, DELETE and TRUNCATE on brief_version_exports", async () => {
    const { version } = await publishedBrief();
    await db.briefVersionExport.create({
      data: { versionId: version.id, format: "pdf", data: Buffer.from("%PDF-1.7") },
    });
    await expect(
      db.$executeRaw`UPDATE brief_version_exports SET data = decode('00', 'hex') WHERE version_id = ${version.id}::uuid`,
    ).rejects.toThrow(/immutable/);
    await expect(
      db.$executeRaw`DELETE FROM brief_version_exports WHERE version_id = ${version.id}::uuid`,
    ).rejects.toThrow(/immutable/);
    await expect(db.$executeRawUnsafe("TRUNCATE brief_version_exports")).rejects.toThrow(
      /immutable/,
    );
    await expect(
      db.briefVersionExport.update({
        where: { versionId_format: { versionId: version.id, format: "pdf" } },
        data: { format: "docx" },
      }),
    ).rejects.toMatchObject({ code: "P2003" });
    await expect(
      db.briefVersionExport.deleteMany({ where: { versionId: version.id } }),
    ).rejects.toMatchObject({ code: "P2003" });
    const kept = await db.briefVersionExport.findFirstOrThrow({ where: { versionId: version.id } });
    expect(Buffer.from(kept.data).toString()).toBe("%PDF-1.7");
  });
});

describe("slugs", () => {
  it("makes readable ASCII slugs from Latin titles", () => {
    expect(slugify("Situation à Kayes — mars 2024")).toBe("situation-a-kayes-mars-2024");
    expect(slugify("  L’état d’urgence: Ségou!  ")).toBe("letat-durgence-segou");
    expect(slugify("الوضع الأمني في كايس")).toBe("");
  });

  it("falls back to a short id for Arabic titles, suffixes duplicates and never changes a slug", async () => {
    const { members } = await workspaceWith(["APPROVER"]);
    const approver = members.APPROVER;
    const arabic = await briefWithContent(approver, doc(para("نص")), { title: "الوضع الأمني" });
    expect(await ensureSlug(db, { id: arabic, title: "الوضع الأمني" })).toBe(
      `brief-${arabic.slice(0, 8)}`,
    );
    const title = `Weekly ${approver.workspaceId.slice(0, 8)}`;
    const a = await briefWithContent(approver, doc(para("a")), { title });
    const b = await briefWithContent(approver, doc(para("b")), { title });
    const slugA = await ensureSlug(db, { id: a, title });
    expect(slugA).toBe(slugify(title));
    expect(await ensureSlug(db, { id: b, title })).toBe(`${slugA}-2`);
    expect(await ensureSlug(db, { id: a, title: "Renamed" })).toBe(slugA);
    expect((await db.brief.findUniqueOrThrow({ where: { id: b } })).slug).toBe(`${slugA}-2`);
  });
});
