import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { yStateOfJson } from "@/lib/publishing/y-state";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { DEMO_BRIEFS } from "./briefs";
import { DEMO_WORKSPACE } from "./content";
import { demoText } from "./document";
import { seedDemo } from "./seed";

withTestDatabase("seed_upgrade");

describe("seeding a demo workspace seeded before it had incident data", () => {
  it("imports the UCDP sample and leaves the existing briefs as they are", async () => {
    // The workspace as an earlier seed left it: the same briefs, plain paragraphs, no incidents.
    const workspace = await db.workspace.create({ data: { ...DEMO_WORKSPACE } });
    const author = await db.user.create({
      data: { email: "someone@briefroom.test", name: "Someone" },
    });
    for (const brief of DEMO_BRIEFS) {
      const paragraphs = demoText(brief.blocks);
      const json = {
        type: "doc",
        content: paragraphs.map((text) => ({
          type: "paragraph",
          attrs: { dir: "auto" },
          content: [{ type: "text", text }],
        })),
      };
      await db.brief.create({
        data: {
          id: brief.id,
          workspaceId: workspace.id,
          title: brief.title,
          language: brief.language,
          contentText: paragraphs.join("\n\n"),
          createdById: author.id,
          updatedById: author.id,
          document: { create: { state: yStateOfJson(json), contentJson: json } },
        },
      });
    }
    const documents = async () =>
      (await db.briefDocument.findMany({ orderBy: { briefId: "asc" } })).map((d) => [
        d.briefId,
        Buffer.from(d.state).toString("base64"),
        d.contentJson,
      ]);
    const before = await documents();

    await seedDemo();
    expect(await db.incident.count({ where: { workspaceId: workspace.id } })).toBe(12);
    expect(await db.importBatch.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await documents()).toEqual(before);
    // Their text is not the seeded document's, so the seed does not publish them either.
    expect(await db.briefVersion.count()).toBe(0);
  });
});
