import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { workspaceWith } from "@/lib/test/factories";
import { domainCode } from "@/lib/test/domain-code";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { loadBrief } from "./load-brief";
import { listBriefs, listDeletedBriefs } from "./queries";
import { renameBrief } from "@/lib/workflow/rename";
import { createBrief, deleteBrief, restoreBrief } from "./service";

withTestDatabase("briefs");

let members: Record<Role, Member>;
let outsider: Member;

beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]));
  outsider = (await workspaceWith(["ADMIN"])).members.ADMIN;
});

const code = domainCode;

describe("createBrief", () => {
  it("creates a brief with the direction of its language", async () => {
    const brief = await createBrief(members.EDITOR, {
      title: "  Kayes   weekly  ",
      language: "ar",
    });
    const stored = await db.brief.findUniqueOrThrow({ where: { id: brief.id } });
    expect(stored).toMatchObject({
      title: "Kayes weekly",
      language: "ar",
      direction: "RTL",
      status: "DRAFT",
    });
    expect(stored.createdById).toBe(members.EDITOR.userId);
  });

  it("refuses viewers, empty titles, 10,000-character titles and unknown languages, writing nothing", async () => {
    const before = await db.brief.count();
    expect(await code(createBrief(members.VIEWER, { title: "x", language: "en" }))).toBe(
      "forbidden",
    );
    expect(await code(createBrief(members.EDITOR, { title: "   ", language: "en" }))).toBe(
      "titleRequired",
    );
    expect(
      await code(createBrief(members.EDITOR, { title: "x".repeat(10_000), language: "en" })),
    ).toBe("titleTooLong");
    expect(
      await code(createBrief(members.EDITOR, { title: "x", language: "de" as unknown as "en" })),
    ).toBe("invalidLanguage");
    expect(await db.brief.count()).toBe(before);
  });
});

describe("rename, delete and restore", () => {
  it("follows the role matrix and never reveals another workspace's brief", async () => {
    const { id } = await createBrief(members.EDITOR, { title: "Nioro", language: "fr" });
    expect(await code(renameBrief(members.VIEWER, id, "Nope"))).toBe("forbidden");
    expect(await code(renameBrief(outsider, id, "Nope"))).toBe("notFound");
    expect(await code(renameBrief(members.APPROVER, id, "Nioro du Sahel"))).toBe("ok");
    expect((await db.brief.findUniqueOrThrow({ where: { id } })).title).toBe("Nioro du Sahel");

    expect(await code(deleteBrief(members.VIEWER, id))).toBe("forbidden");
    expect(await code(deleteBrief(members.EDITOR, id))).toBe("ok");
    expect(await code(loadBrief(members.EDITOR, id, "brief.read"))).toBe("notFound");
    expect(await code(loadBrief(members.ADMIN, id, "brief.read"))).toBe("ok");
    expect((await listDeletedBriefs(members.ADMIN)).map((b) => b.id)).toContain(id);
    expect(await listDeletedBriefs(members.EDITOR)).toEqual([]);

    expect(await code(restoreBrief(members.EDITOR, id))).toBe("notFound");
    expect(await code(restoreBrief(members.ADMIN, id))).toBe("ok");
    expect(await code(loadBrief(members.VIEWER, id, "brief.read"))).toBe("ok");
  });

  it("answers notFound for a forged id", async () => {
    expect(await code(loadBrief(members.ADMIN, "not-a-uuid", "brief.read"))).toBe("notFound");
    expect(
      await code(renameBrief(members.ADMIN, "00000000-0000-4000-8000-000000000000", "x")),
    ).toBe("notFound");
  });
});

describe("listBriefs", () => {
  it("searches title and text case-insensitively and filters by status", async () => {
    const { id } = await createBrief(members.EDITOR, {
      title: "Diéma market taxation",
      language: "en",
    });
    await db.brief.update({
      where: { id },
      data: { contentText: "Zakat collected near Diéma", status: "IN_REVIEW" },
    });
    expect((await listBriefs(members.VIEWER, { q: "DIÉMA MARKET" })).map((b) => b.id)).toEqual([
      id,
    ]);
    expect((await listBriefs(members.VIEWER, { q: "zakat" })).map((b) => b.id)).toEqual([id]);
    expect((await listBriefs(members.VIEWER, { status: "IN_REVIEW" })).map((b) => b.id)).toEqual([
      id,
    ]);
    expect(await listBriefs(outsider, { q: "zakat" })).toEqual([]);
  });
});
