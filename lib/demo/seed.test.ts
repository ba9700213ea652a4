import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { updateToText } from "@/lib/editor";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { DEMO_BRIEFS, DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE } from "./content";
import { seedDemo } from "./seed";

withTestDatabase("seed");

describe("demo workspace seed", () => {
  it("creates the workspace, users with working passwords and briefs with their documents", async () => {
    await seedDemo();
    const workspace = await db.workspace.findUniqueOrThrow({
      where: { slug: DEMO_WORKSPACE.slug },
      select: {
        id: true,
        memberships: { select: { role: true, user: { select: { email: true } } } },
      },
    });
    expect(workspace.memberships.map((m) => [m.user.email, m.role]).sort()).toEqual(
      DEMO_USERS.map((u) => [u.email, u.role]).sort(),
    );
    const editor = await db.user.findUniqueOrThrow({
      where: { email: "editor@briefroom.test" },
      select: { passwordHash: true },
    });
    expect(await verifyPassword(editor.passwordHash!, DEMO_PASSWORD)).toBe(true);

    const arabic = DEMO_BRIEFS.find((b) => b.language === "ar")!;
    const stored = await db.brief.findUniqueOrThrow({
      where: { id: arabic.id },
      select: { direction: true, document: { select: { state: true } } },
    });
    expect(stored.direction).toBe("RTL");
    const text = updateToText(new Uint8Array(stored.document!.state));
    for (const paragraph of arabic.paragraphs) expect(text).toContain(paragraph);

    // The brief seeded in review has its submission in the audit log.
    const inReview = DEMO_BRIEFS.find((b) => b.status === "IN_REVIEW")!;
    const log = await db.briefTransition.findMany({ where: { briefId: inReview.id } });
    expect(log.map((t) => [t.kind, t.toStatus])).toEqual([["SUBMIT", "IN_REVIEW"]]);
  });

  it("is idempotent and leaves analysts' changes alone", async () => {
    const brief = DEMO_BRIEFS[1]!;
    await db.brief.update({ where: { id: brief.id }, data: { title: "Renamed by an analyst" } });
    const counts = async () => [
      await db.user.count(),
      await db.brief.count(),
      await db.membership.count(),
    ];
    const before = await counts();
    expect((await seedDemo()).created).toBe(0);
    expect(await counts()).toEqual(before);
    expect((await db.brief.findUniqueOrThrow({ where: { id: brief.id } })).title).toBe(
      "Renamed by an analyst",
    );
  });
});
