import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/lib/db";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { freezeBrief } from "./freeze";
import { getVersion } from "./queries";
import { renderBriefHtml } from "./render-html";
import {
  briefWithContent,
  cite,
  createIncident,
  createSource,
  doc,
  embed,
  para,
} from "./test-helpers";
import { createVersion } from "./versions";

withTestDatabase("publishing-freeze");

const KAYES_2024 = { admin1: "Kayes", from: "2024-01-01", to: "2024-12-31" };

/** A workspace with three Kayes incidents (2 + 3 + 4 fatalities) and a cited source. */
async function fixture() {
  const { members } = await workspaceWith(["APPROVER", "VIEWER"]);
  const approver = members.APPROVER;
  const rows = [
    await createIncident(approver.workspaceId, {
      externalId: "GED-1",
      date: "2024-02-01",
      fatalities: 2,
    }),
    await createIncident(approver.workspaceId, {
      externalId: "GED-2",
      date: "2024-03-01",
      fatalities: 3,
    }),
    await createIncident(approver.workspaceId, {
      externalId: "GED-3",
      date: "2024-04-01",
      fatalities: 4,
    }),
  ];
  const source = await createSource(approver, "Rapport de la MINUSMA sur Kayes");
  const content = doc(
    para(
      "Fatalities in Kayes: ",
      embed("incidentFigure", { kind: "figure", filter: KAYES_2024, metric: "fatalities" }),
      ".",
      cite({ kind: "source", id: source.id, locator: "4" }),
    ),
    embed("incidentTable", {
      kind: "table",
      filter: KAYES_2024,
      sort: "fatalities",
      columns: ["date", "fatalities"],
    }),
    embed("incidentChart", { kind: "chart", filter: KAYES_2024, period: "month" }),
    para(
      "The deadliest:",
      cite({
        kind: "incident",
        dataset: "UCDP GED",
        rowId: "GED-3",
        version: "25.1",
        accessed: "2026-03-01",
      }),
    ),
  );
  const briefId = await briefWithContent(approver, content, { title: "Kayes, 2024" });
  return { members, approver, rows, source, briefId };
}

describe("freezeBrief", () => {
  it("freezes text, embed results with their datasets, cited rows and footnotes", async () => {
    const { approver, briefId, source } = await fixture();
    const frozen = await freezeBrief(approver, briefId);
    expect(frozen.problems).toEqual([]);
    expect(frozen).toMatchObject({
      title: "Kayes, 2024",
      language: "en",
      direction: "LTR",
      citationStyle: "chicago-note-bibliography",
    });
    expect(frozen.contentText).toContain("Fatalities in Kayes");
    const byKind = Object.fromEntries(frozen.embeds.embeds.map((e) => [e.kind, e]));
    expect(byKind.figure?.result).toMatchObject({ kind: "figure", value: 9 });
    expect(byKind.table?.result).toMatchObject({ kind: "table", count: 3, fatalities: 9 });
    const table = byKind.table?.result.kind === "table" ? byKind.table.result : null;
    expect(table?.rows.map((r) => r.externalId)).toEqual(["GED-3", "GED-2", "GED-1"]);
    expect(
      byKind.chart?.result.kind === "chart" && byKind.chart.result.series.map((p) => p.fatalities),
    ).toEqual([2, 3, 4]);
    expect(byKind.table?.datasets).toEqual([{ dataset: "UCDP GED", version: "25.1" }]);
    expect(frozen.embeds.incidents).toEqual([
      expect.objectContaining({
        dataset: "UCDP GED",
        externalId: "GED-3",
        datasetVersion: "25.1",
        date: "2024-04-01",
        values: expect.objectContaining({ fatalitiesBest: 4, sideB: "JNIM" }),
      }),
    ]);
    expect(frozen.citations.notes).toHaveLength(2);
    expect(frozen.citations.notes[0]?.html).toMatch(/Rapport de la MINUSMA sur Kayes/i);
    expect(frozen.citations.notes[1]?.html).toContain("GED-3");
    expect(frozen.citations.sources).toEqual([
      { id: source.id, title: "Rapport de la MINUSMA sur Kayes", grade: "B2" },
    ]);
    expect(frozen.citations.bibliography.length).toBe(2);
    expect(frozen.html).toContain('<span class="embed-figure"');
    expect(frozen.html).toContain('<sup class="fn-ref" id="fnref-2"><a href="#fn-2">2</a></sup>');
  });

  it("freezes the same inside a transaction (the publish action locks the brief first)", async () => {
    const { approver, briefId } = await fixture();
    const outside = await freezeBrief(approver, briefId);
    const inside = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM briefs WHERE id = ${briefId}::uuid FOR UPDATE`;
      return freezeBrief(approver, briefId, tx);
    });
    const results = (f: typeof outside) =>
      f.embeds.embeds.map((e) => ({ ...e, result: { ...e.result, asOf: "" } }));
    expect(results(inside)).toEqual(results(outside));
    expect(inside.embeds.incidents).toEqual(outside.embeds.incidents);
    expect(inside.citations).toEqual(outside.citations);
    expect(inside.contentHash).toBe(outside.contentHash);
  });

  it("writes nothing", async () => {
    const { approver, briefId } = await fixture();
    const before = await db.brief.findUniqueOrThrow({ where: { id: briefId } });
    await freezeBrief(approver, briefId);
    expect(await db.brief.findUniqueOrThrow({ where: { id: briefId } })).toEqual(before);
    expect(await db.briefVersion.count({ where: { briefId } })).toBe(0);
    expect(await db.briefTransition.count({ where: { briefId } })).toBe(0);
  });

  it("lists missing sources, broken embeds and missing incident rows as problems", async () => {
    const { approver } = await fixture();
    const gone = randomUUID();
    const briefId = await briefWithContent(
      approver,
      doc(
        para("a", cite({ kind: "source", id: gone })),
        embed("incidentTable", { kind: "table", filter: {}, limit: 5000 }),
        para(
          "b",
          cite({
            kind: "incident",
            dataset: "ACLED",
            rowId: "MLI-404",
            version: "1",
            accessed: "2026-01-01",
          }),
        ),
        embed("incidentChart", { kind: "chart", filter: { from: "2024-13-45" } }),
      ),
    );
    const frozen = await freezeBrief(approver, briefId);
    expect(frozen.problems).toEqual([
      { kind: "missingSource", sourceId: gone, note: 1 },
      { kind: "missingIncident", incidentId: "ACLED:MLI-404", note: 2 },
      { kind: "brokenEmbed", index: 1, reason: "invalidSpec" },
      { kind: "brokenEmbed", index: 2, reason: "invalidSpec" },
    ]);
    expect(frozen.embeds.embeds).toEqual([]);
    expect(
      await domainCode(
        createVersion(db, {
          briefId,
          frozen,
          approvedById: approver.userId,
          approvedAt: new Date(),
          publishedById: approver.userId,
        }),
      ),
    ).toBe("validation");
  });

  it("publishes inert HTML from a document a hostile collaborator crafted with raw Yjs updates", async () => {
    const { approver } = await fixture();
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment("default");
    const p = new Y.XmlElement("paragraph");
    p.setAttribute("dir", '"><script>alert(1)</script>');
    p.setAttribute("onclick", "alert(1)");
    const text = new Y.XmlText();
    text.insert(0, "click", {
      link: { href: "javascript:alert(1)", target: '"><img src=x onerror=alert(1)>' },
    });
    text.insert(5, " <script>alert(2)</script>");
    p.insert(0, [text]);
    const script = new Y.XmlElement("script");
    script.insert(0, [new Y.XmlText("alert(3)")]);
    const figure = new Y.XmlElement("incidentTable");
    figure.setAttribute("spec", '{"kind":"table","filter":{}}"><svg onload=alert(4)>');
    fragment.insert(0, [p, script, figure]);
    const briefId = await briefWithContent(approver, doc(para("placeholder")));
    await db.briefDocument.update({
      where: { briefId },
      data: { state: new Uint8Array(Y.encodeStateAsUpdate(ydoc)) },
    });
    const frozen = await freezeBrief(approver, briefId);
    expect(frozen.html).not.toMatch(/<script|<img|<svg|<[^>]*\son[a-z]+=|javascript:/i);
    expect(frozen.html).toContain("click");
    expect(frozen.html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
  });

  it("is refused for a brief of another workspace", async () => {
    const { briefId } = await fixture();
    const other = await workspaceWith(["ADMIN"]);
    expect(await domainCode(freezeBrief(other.members.ADMIN, briefId))).toBe("notFound");
  });
});

describe("a published version keeps its data", () => {
  it("still shows the old numbers after rows are re-imported, added and removed", async () => {
    const { approver, briefId, rows } = await fixture();
    const frozen = await freezeBrief(approver, briefId);
    const { number } = await createVersion(db, {
      briefId,
      frozen,
      approvedById: approver.userId,
      approvedAt: new Date(),
      publishedById: approver.userId,
    });

    // A re-import revises one row, adds one and drops another.
    await db.incident.update({
      where: { id: rows[2]!.id },
      data: { fatalitiesBest: 40, datasetVersion: "26.1" },
    });
    await createIncident(approver.workspaceId, {
      externalId: "GED-4",
      date: "2024-05-01",
      fatalities: 100,
      version: "26.1",
    });
    await db.incident.update({ where: { id: rows[0]!.id }, data: { removedAt: new Date() } });

    const now = await freezeBrief(approver, briefId);
    expect(now.embeds.embeds.find((e) => e.kind === "figure")?.result).toMatchObject({
      value: 143,
    });
    expect(now.embeds.incidents[0]?.values.fatalitiesBest).toBe(40);

    const stored = await getVersion(briefId, number);
    expect(stored).not.toBeNull();
    const figure = stored!.embeds.embeds.find((e) => e.kind === "figure");
    expect(figure?.result).toMatchObject({ value: 9 });
    const table = stored!.embeds.embeds.find((e) => e.kind === "table")?.result;
    expect(
      table?.kind === "table" && table.rows.map((r) => [r.externalId, r.fatalitiesBest]),
    ).toEqual([
      ["GED-3", 4],
      ["GED-2", 3],
      ["GED-1", 2],
    ]);
    expect(stored!.embeds.embeds.find((e) => e.kind === "table")?.datasets).toEqual([
      { dataset: "UCDP GED", version: "25.1" },
    ]);
    expect(stored!.embeds.incidents[0]?.values.fatalitiesBest).toBe(4);
    expect(stored!.html).toMatch(/<span class="embed-figure"[^>]*>9<\/span>/);
    expect(stored!.html).not.toContain(">143<");
    // Re-rendering the stored version from its own frozen data gives the same HTML.
    expect(
      renderBriefHtml({
        contentJson: stored!.contentJson,
        embeds: stored!.embeds,
        citations: stored!.citations,
        language: stored!.language,
        direction: stored!.direction,
      }),
    ).toBe(stored!.html);
  });
});
