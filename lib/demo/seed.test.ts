import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { verifyPassword } from "@/lib/auth/password";
import { compactBrief } from "@/lib/collab/compaction";
import { AFTER_COMPACTION } from "@/lib/workflow/collab-hooks";
import { UpdateLogWriter } from "@/lib/collab/update-log";
import { db } from "@/lib/db";
import { updateToText, YDOC_FRAGMENT } from "@/lib/editor";
import { collectCitationsFromJson, type CitationItem } from "@/lib/editor/citation-items";
import { datasetAttribution } from "@/lib/incidents/attribution";
import { dataCredits } from "@/lib/incidents/credits";
import { collectEmbedNodes } from "@/lib/publishing/embed-nodes";
import { freezeBrief } from "@/lib/publishing/freeze";
import type { FrozenCitations, FrozenEmbeds } from "@/lib/publishing/frozen";
import { loadLiveDocument } from "@/lib/publishing/live-document";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { DEMO_BRIEFS, KAYES_ROWS } from "./briefs";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE } from "./content";
import { demoText } from "./document";
import { DEMO_SAMPLE } from "./incidents";
import { DEMO_PUBLICATIONS } from "./publications";
import { seedDemo } from "./seed";

withTestDatabase("seed");

const byLanguage = (language: string) => DEMO_BRIEFS.find((b) => b.language === language)!;
const draftJson = async (briefId: string) =>
  (await db.briefDocument.findUniqueOrThrow({ where: { briefId }, select: { contentJson: true } }))
    .contentJson;
const incidentItems = (json: unknown) =>
  collectCitationsFromJson(json)
    .flat()
    .filter((i): i is Extract<CitationItem, { kind: "incident" }> => i.kind === "incident");
/** The credit line of the sample's own ATTRIBUTION.txt. */
const attributionFile = async () =>
  readFile(DEMO_SAMPLE.path.replace(/\.csv$/, ".ATTRIBUTION.txt"), "utf8");

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

    const arabic = byLanguage("ar");
    const stored = await db.brief.findUniqueOrThrow({
      where: { id: arabic.id },
      select: { direction: true, document: { select: { state: true } } },
    });
    expect(stored.direction).toBe("RTL");
    const text = updateToText(new Uint8Array(stored.document!.state));
    for (const paragraph of demoText(arabic.blocks)) expect(text).toContain(paragraph);

    // The brief seeded in review has its submission in the audit log.
    const inReview = DEMO_BRIEFS.find((b) => b.status === "IN_REVIEW")!;
    const log = await db.briefTransition.findMany({ where: { briefId: inReview.id } });
    expect(log.map((t) => [t.kind, t.toStatus])).toEqual([["SUBMIT", "IN_REVIEW"]]);
  });

  it("imports the real UCDP sample as one batch by the demo editor, credited as its file says", async () => {
    const workspace = await db.workspace.findUniqueOrThrow({
      where: { slug: DEMO_WORKSPACE.slug },
    });
    const batches = await db.importBatch.findMany({
      where: { workspaceId: workspace.id },
      include: { createdBy: { select: { email: true } } },
    });
    expect(batches).toHaveLength(1);
    const batch = batches[0]!;
    expect(batch).toMatchObject({
      dataset: "UCDP_GED",
      datasetVersion: "26.0.7",
      fileName: "ucdp-ged-candidate-26.0.7-mali-sample.csv",
      inserted: 12,
      rejected: 0,
      createdBy: { email: "editor@briefroom.test" },
    });
    const rows = await db.incident.findMany({ where: { workspaceId: workspace.id } });
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.importBatchId))).toEqual(new Set([batch.id]));
    expect(
      rows
        .filter((r) => r.admin1 === "Kayes region")
        .map((r) => r.externalId)
        .sort(),
    ).toEqual([...KAYES_ROWS].sort());

    // The credit shown for these rows is the one the sample's ATTRIBUTION.txt asks for.
    const file = await attributionFile();
    const attribution = datasetAttribution(batch.dataset, batch.datasetVersion)!;
    expect(file).toContain(`Attribution: "${attribution.credit}"`);
    expect(file).toContain(`Licence: ${attribution.licence}`);
    expect(attribution.licence).toBe("CC BY 4.0");
    // …and the incidents page and the workspace page show it for these 12 rows.
    const viewer = await db.user.findUniqueOrThrow({ where: { email: "viewer@briefroom.test" } });
    expect(
      await dataCredits({ userId: viewer.id, workspaceId: workspace.id, role: "VIEWER" }),
    ).toEqual([{ ...attribution, dataset: "UCDP_GED", version: "26.0.7", rows: 12 }]);
  });

  it("gives the English brief a live table, chart and figures of the Kayes rows, and cites rows and sources", async () => {
    const english = byLanguage("en");
    const json = await draftJson(english.id);
    const kinds = collectEmbedNodes(json).map((e) => e.kind);
    expect(kinds.sort()).toEqual(["chart", "figure", "figure", "table"]);
    const cited = incidentItems(json);
    expect(cited.map((i) => i.rowId).sort()).toEqual([...KAYES_ROWS].sort());
    const batch = await db.importBatch.findFirstOrThrow({ select: { accessDate: true } });
    for (const item of cited) {
      expect(item).toMatchObject({
        dataset: "UCDP GED",
        version: "26.0.7",
        accessed: batch.accessDate.toISOString().slice(0, 10),
      });
    }
    expect(
      collectCitationsFromJson(json)
        .flat()
        .filter((i) => i.kind === "source"),
    ).toHaveLength(2);

    // What the reviewer sees: the embeds compute from the imported rows, and the brief is
    // publishable as it stands (no missing source, row or broken embed).
    const approver = await db.user.findUniqueOrThrow({
      where: { email: "approver@briefroom.test" },
    });
    const workspace = await db.workspace.findUniqueOrThrow({
      where: { slug: DEMO_WORKSPACE.slug },
    });
    const frozen = await freezeBrief(
      { userId: approver.id, workspaceId: workspace.id, role: "APPROVER" },
      english.id,
    );
    expect(frozen.problems).toEqual([]);
    const result = (kind: string) =>
      frozen.embeds.embeds.filter((e) => e.kind === kind).map((e) => e.result);
    const [table] = result("table");
    expect(table).toMatchObject({ kind: "table", count: 4, fatalities: 2 });
    expect(table!.kind === "table" && table!.rows.map((r) => r.externalId).sort()).toEqual(
      [...KAYES_ROWS].sort(),
    );
    expect(result("chart")).toMatchObject([
      { kind: "chart", series: [{ period: "2026", count: 4, fatalities: 2 }] },
    ]);
    expect(
      result("figure")
        .map((f) => f.kind === "figure" && f.value)
        .sort(),
    ).toEqual([2, 4]);
    expect(frozen.embeds.incidents.map((i) => i.externalId).sort()).toEqual([...KAYES_ROWS].sort());
    // The footnote citing the rows credits UCDP under its licence.
    const rowsNote = frozen.citations.notes[1]!.html.replace(/[\u2068\u2069]/g, "");
    expect(rowsNote).toContain("636520");
    expect(rowsNote).toContain(
      "UCDP Candidate Events Dataset v26.0.7, Uppsala Conflict Data Program, Uppsala University (CC BY 4.0)",
    );
  });

  it("gives the French and Arabic briefs an embed and a cited incident row each", async () => {
    for (const language of ["fr", "ar"]) {
      const json = await draftJson(byLanguage(language).id);
      expect(collectEmbedNodes(json).length).toBeGreaterThanOrEqual(1);
      expect(incidentItems(json).length).toBeGreaterThanOrEqual(1);
    }
  });

  it("publishes the French and Arabic briefs with their embeds' results and cited rows frozen", async () => {
    for (const publication of DEMO_PUBLICATIONS) {
      const version = await db.briefVersion.findFirstOrThrow({
        where: { briefId: publication.briefId },
      });
      const embeds = version.embeds as unknown as FrozenEmbeds;
      const citations = version.citations as unknown as FrozenCitations;
      const figure = embeds.embeds.find((e) => e.kind === "figure")!;
      expect(figure.result).toMatchObject({ kind: "figure", value: 4 });
      expect(figure.datasets).toEqual([{ dataset: "UCDP GED", version: "26.0.7" }]);
      const cited = incidentItems(version.contentJson).map((i) => i.rowId);
      expect(embeds.incidents.map((i) => i.externalId).sort()).toEqual([...new Set(cited)].sort());
      expect(embeds.incidents[0]!.values).toHaveProperty("fatalitiesBest");
      expect(citations.notes.every((n) => n.missing === 0 && n.html)).toBe(true);
      expect(citations.notes.some((n) => n.html.includes("(CC BY 4.0)"))).toBe(true);
      expect(version.html).toContain('class="embed-figure"');
      // The draft is the published document.
      expect(await draftJson(publication.briefId)).toEqual(version.contentJson);
    }
  });

  it("is a no-op when run again", async () => {
    const counts = async () => ({
      users: await db.user.count(),
      memberships: await db.membership.count(),
      sources: await db.source.count(),
      batches: await db.importBatch.count(),
      incidents: await db.incident.count(),
      revisions: await db.incidentRevision.count(),
      briefs: await db.brief.count(),
      updates: await db.briefUpdate.count(),
      versions: await db.briefVersion.count(),
      transitions: await db.briefTransition.count(),
    });
    const documents = async () =>
      (
        await db.briefDocument.findMany({
          orderBy: { briefId: "asc" },
          select: { briefId: true, state: true, contentJson: true },
        })
      ).map((d) => ({ ...d, state: Buffer.from(d.state).toString("base64") }));
    const before = { counts: await counts(), documents: await documents() };
    expect((await seedDemo()).created).toBe(0);
    expect({ counts: await counts(), documents: await documents() }).toEqual(before);
  });

  it("leaves an analyst's edits to a demo brief alone", async () => {
    const english = byLanguage("en");
    await db.brief.update({ where: { id: english.id }, data: { title: "Renamed by an analyst" } });
    // An analyst replaces the brief's content in the editor: the update goes through the
    // collab server's log and compaction, as a real edit does.
    const current = await loadLiveDocument(english.id);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, current.state);
    const fragment = doc.getXmlFragment(YDOC_FRAGMENT);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      fragment.delete(0, fragment.length);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.setAttribute("dir", "auto");
      paragraph.insert(0, [new Y.XmlText("Rewritten by the desk.")]);
      fragment.insert(0, [paragraph]);
    });
    const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@briefroom.test" } });
    const log = new UpdateLogWriter(db);
    await log.append(english.id, Y.encodeStateAsUpdate(doc, before), editor.id);
    await compactBrief(english.id, { afterCompaction: AFTER_COMPACTION });

    expect((await seedDemo()).created).toBe(0);
    const after = await loadLiveDocument(english.id);
    expect(after.text).toBe("Rewritten by the desk.");
    expect(collectEmbedNodes(after.json)).toEqual([]);
    const brief = await db.brief.findUniqueOrThrow({ where: { id: english.id } });
    expect(brief).toMatchObject({
      title: "Renamed by an analyst",
      contentText: "Rewritten by the desk.",
    });
  });
});
