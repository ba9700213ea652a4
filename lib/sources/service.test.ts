import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { Member, Role } from "@/lib/policy/can";
import { workspaceWith } from "@/lib/test/factories";
import { domainCode } from "@/lib/test/domain-code";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { importSources } from "./import-sources";
import { findCitingBriefs, listSources } from "./queries";
import { createSource, deleteSource, setSourceArchived, updateSource } from "./service";

withTestDatabase("sources");

let members: Record<Role, Member>;
beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR", "ADMIN"] as Role[]));
});

const code = domainCode;

const ZOTERO = JSON.stringify([
  {
    id: "ti-2024",
    type: "report",
    title: "Le JNIM dans la région de Kayes",
    author: [{ literal: "Timbuktu Institute" }],
    issued: { "date-parts": [[2024, 5]] },
    publisher: "Timbuktu Institute",
    "publisher-place": "Dakar",
    URL: "https://timbuktu-institute.org/kayes-jnim",
    language: "fr",
  },
  {
    id: "aj",
    type: "article-newspaper",
    title: "تضاعف هجمات الجماعة في منطقة كايس",
    "container-title": "الجزيرة نت",
    issued: { "date-parts": [["2025", "02", "14"]] },
    DOI: "https://doi.org/10.5555/KAYES.2025",
    language: "Arabic",
  },
  { id: "bad-url", type: "webpage", title: "Trap", URL: "javascript:alert(1)" },
  { id: "no-title", type: "report" },
  {
    id: "dup-in-file",
    type: "report",
    title: "LE JNIM dans la région de Kayes!",
    issued: { raw: "2024-05-30" },
  },
]);

describe("importSources", () => {
  it("previews without writing, reports each bad entry, then imports; a second import creates nothing", async () => {
    const preview = await importSources(members.EDITOR, ZOTERO, false);
    expect(preview.format).toBe("csl-json");
    expect(preview.entries.map((e) => e.status)).toEqual([
      "new",
      "new",
      "error",
      "error",
      "duplicate",
    ]);
    expect(preview.entries[2]).toMatchObject({ code: "sourceUnsafeUrl", field: "url" });
    expect(preview.entries[3]).toMatchObject({ code: "titleRequired" });
    expect(await db.source.count({ where: { workspaceId: members.EDITOR.workspaceId } })).toBe(0);

    const first = await importSources(members.EDITOR, ZOTERO, true);
    expect(first.created).toBe(2);
    const arabic = await db.source.findFirstOrThrow({ where: { doiKey: "10.5555/kayes.2025" } });
    expect(arabic).toMatchObject({
      issued: "2025-02-14",
      language: "ar",
      containerTitle: "الجزيرة نت",
    });

    const second = await importSources(members.EDITOR, ZOTERO, true);
    expect(second.created).toBe(0);
    expect(second.entries.filter((e) => e.status === "duplicate")).toHaveLength(3);
    expect(await db.source.count({ where: { workspaceId: members.EDITOR.workspaceId } })).toBe(2);
  });

  it("imports BibTeX and RIS, and refuses viewers, unreadable files and files over 5 MB", async () => {
    const bib = `@techreport{kayes, title={Kayes security overview}, author={Diallo, Moussa and {Western Mali Desk}}, year={2023}, url={https://example.org/kayes-overview}}
@article{broken, title={x`;
    const report = await importSources(members.EDITOR, bib, true);
    expect(report.format).toBe("bibtex");
    expect(report.created).toBe(1);
    expect(report.entries.map((e) => e.status)).toEqual(["new", "error"]);
    const ris =
      "TY  - NEWS\nTI  - Attaque près de Melgué\nAU  - Traoré, Aminata\nPY  - 2025/02/14\nT2  - Le Républicain\nER  - \n";
    const risReport = await importSources(members.EDITOR, ris, true);
    expect(risReport.created).toBe(1);
    const melgue = await db.source.findFirstOrThrow({ where: { title: "Attaque près de Melgué" } });
    expect(melgue).toMatchObject({
      issued: "2025-02-14",
      authors: [{ family: "Traoré", given: "Aminata" }],
    });

    expect(await code(importSources(members.VIEWER, ris, true))).toBe("forbidden");
    expect(await code(importSources(members.EDITOR, "hello world", false))).toBe(
      "importUnreadable",
    );
    expect(await code(importSources(members.EDITOR, "[{oops", false))).toBe("importUnreadable");
    expect(
      await code(importSources(members.EDITOR, `[${" ".repeat(5 * 1024 * 1024)}]`, false)),
    ).toBe("importTooLarge");
  });
});

describe("createSource / updateSource", () => {
  it("validates, detects duplicates by DOI, URL and title+year, and searches by author and tag", async () => {
    const created = await createSource(members.EDITOR, {
      type: "interview",
      title: "Entretien avec un commerçant de Nioro",
      authors: [{ family: "Sissoko", given: "Fanta" }],
      issued: "2024",
      reliability: "B",
      credibility: 2,
      tags: ["Nioro", "taxation", "nioro"],
      url: "https://example.org/nioro",
    });
    const stored = await db.source.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({
      reliability: "B",
      credibility: 2,
      tags: ["nioro", "taxation"],
      createdById: members.EDITOR.userId,
    });

    expect(
      await code(
        createSource(members.EDITOR, {
          type: "webpage",
          title: "Other",
          url: "http://www.example.org/nioro/",
        }),
      ),
    ).toBe("sourceDuplicate");
    expect(
      await code(
        createSource(members.EDITOR, {
          type: "report",
          title: "entretien avec un commerçant de NIORO",
          issued: "2024-03",
        }),
      ),
    ).toBe("sourceDuplicate");
    expect(
      await code(createSource(members.EDITOR, { type: "report", title: "x", issued: "2024-13" })),
    ).toBe("sourceInvalidDate");
    expect(
      await code(
        createSource(members.EDITOR, { type: "report", title: "x", url: "javascript:alert(1)" }),
      ),
    ).toBe("sourceUnsafeUrl");
    expect(await code(createSource(members.VIEWER, { type: "report", title: "x" }))).toBe(
      "forbidden",
    );
    expect(
      await code(updateSource(members.EDITOR, created.id, { type: "report", title: "   " })),
    ).toBe("titleRequired");

    const byAuthor = await listSources(members.VIEWER, { q: "sissoko" });
    expect(byAuthor.map((s) => s.id)).toEqual([created.id]);
    expect((await listSources(members.VIEWER, { q: "taxation" })).map((s) => s.id)).toEqual([
      created.id,
    ]);
    expect((await listSources(members.VIEWER, { grade: "B" })).map((s) => s.id)).toEqual([
      created.id,
    ]);
  });
});

describe("deleteSource", () => {
  it("refuses to delete a cited source, naming the briefs; archiving works; an uncited one is deleted", async () => {
    const source = await createSource(members.EDITOR, {
      type: "report",
      title: "Melgué attack report",
      issued: "2025-02",
    });
    const unused = await createSource(members.EDITOR, {
      type: "report",
      title: "Unused note",
      issued: "2025",
    });
    const brief = await db.brief.create({
      data: {
        workspaceId: members.EDITOR.workspaceId,
        title: "Kayes weekly",
        language: "en",
        createdById: members.EDITOR.userId,
        updatedById: members.EDITOR.userId,
      },
    });
    await db.briefDocument.create({
      data: {
        briefId: brief.id,
        state: Buffer.alloc(0),
        contentJson: {
          type: "doc",
          content: [
            {
              type: "paragraph",
              content: [
                { type: "text", text: "Three soldiers were killed." },
                {
                  type: "citation",
                  attrs: { items: [{ kind: "source", id: source.id, locator: "2" }] },
                },
              ],
            },
          ],
        },
      },
    });
    expect(await findCitingBriefs(members.EDITOR.workspaceId, source.id)).toEqual([
      { id: brief.id, title: "Kayes weekly", deleted: false },
    ]);
    const refused = await deleteSource(members.EDITOR, source.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("sourceCited");
    expect((refused as DomainError).values).toMatchObject({ count: 1, briefs: "“Kayes weekly”" });

    await setSourceArchived(members.EDITOR, source.id, true);
    expect((await listSources(members.EDITOR, {})).map((s) => s.id)).not.toContain(source.id);
    expect((await listSources(members.EDITOR, { archived: "1" })).map((s) => s.id)).toContain(
      source.id,
    );

    expect(await code(deleteSource(members.VIEWER, unused.id))).toBe("forbidden");
    await deleteSource(members.EDITOR, unused.id);
    expect(await db.source.findUnique({ where: { id: unused.id } })).toBeNull();
  });
});
