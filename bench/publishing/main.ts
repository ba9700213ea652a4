/**
 * Publishing benchmark (`npm run bench -- publishing`): a 50-page brief (~25,000
 * words, ~150 citations, 10 incident embeds over generated ACLED rows imported through the
 * real importer) in a real Postgres. Measures publication (freezeBrief + createVersion),
 * the reader page's data, PDF (cold browser, then warm) and DOCX generation.
 * Writes bench/results/publishing.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDocumentProxy } from "unpdf";
import { db } from "../../lib/db";
import { renderDocx } from "../../lib/export/docx";
import { renderPdf } from "../../lib/export/pdf";
import { closePrintBrowser } from "../../lib/export/pdf-browser";
import { toExportVersion } from "../../lib/export/version-export";
import { commitImport } from "../../lib/incidents/import/commit-import";
import { parseImportFile } from "../../lib/incidents/import/parse-import";
import { bytesSource } from "../../lib/incidents/import/read-file";
import type { Member } from "../../lib/policy/can";
import { freezeBrief, freezeCitations, freezeData } from "../../lib/publishing/freeze";
import { loadLiveDocument } from "../../lib/publishing/live-document";
import { renderBriefHtml } from "../../lib/publishing/render-html";
import { getVersion } from "../../lib/publishing/queries";
import { loadReaderView } from "../../lib/publishing/reader";
import { briefWithContent } from "../../lib/publishing/test-helpers";
import { createVersion, ensureSlug } from "../../lib/publishing/versions";
import { ms, percentile } from "../collab/stats";
import { generateAcledCsv } from "../incidents/generate";
import { benchBrief } from "./brief";

const ROWS = Number(process.env.BENCH_PUBLISH_ROWS ?? 20_000);
const RUNS = Number(process.env.BENCH_PUBLISH_RUNS ?? 20);

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

async function samples(work: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push((await time(work))[0]);
  return out;
}

const row = (label: string, values: number[], target: string) =>
  `| ${label} | ${ms(percentile(values, 50), 0)} | ${ms(percentile(values, 95), 0)} | ${target} |`;

async function setUp(): Promise<{
  approver: Member;
  briefId: string;
  stats: ReturnType<typeof benchBrief>;
}> {
  const workspace = await db.workspace.create({
    data: { slug: "bench-publishing", name: "Bench" },
    select: { id: true },
  });
  const user = await db.user.create({
    data: { email: "bench@publishing.test", name: "Bench Approver" },
    select: { id: true },
  });
  await db.membership.create({
    data: { workspaceId: workspace.id, userId: user.id, role: "APPROVER" },
  });
  const approver: Member = { userId: user.id, workspaceId: workspace.id, role: "APPROVER" };

  const csv = new TextEncoder().encode(generateAcledCsv(ROWS));
  const parsed = await parseImportFile(bytesSource(csv), { expected: "ACLED" });
  await commitImport(approver, parsed, {
    fileName: "bench.csv",
    fileSize: csv.byteLength,
    datasetVersion: "2025-10",
    accessDate: new Date(),
  });
  await db.$executeRawUnsafe("VACUUM ANALYZE incidents");

  const sourceIds: string[] = [];
  for (let i = 0; i < 40; i++) {
    const title = `Situation report ${i + 1} on the central Sahel`;
    const source = await db.source.create({
      data: {
        workspaceId: workspace.id,
        type: "report",
        title,
        authors: [{ literal: i % 2 ? "OCHA Mali" : "MINUSMA Human Rights Division" }],
        issued: `202${i % 5}`,
        publisher: "United Nations",
        titleKey: `${title.toLowerCase()}|202${i % 5}`,
        createdById: user.id,
        updatedById: user.id,
      },
      select: { id: true },
    });
    sourceIds.push(source.id);
  }
  const cited = await db.incident.findMany({
    where: { workspaceId: workspace.id },
    take: 30,
    select: { externalId: true, datasetVersion: true },
  });
  const stats = benchBrief({
    sourceIds,
    incidents: cited.map((c) => ({ rowId: c.externalId, version: c.datasetVersion ?? "" })),
  });
  const briefId = await briefWithContent(approver, stats.json, {
    title: "Central Sahel quarterly outlook",
  });
  return { approver, briefId, stats };
}

async function main() {
  const { createTestDatabase } = await import("../../lib/db/test-database");
  const database = await createTestDatabase("bench-publishing");
  process.env.DATABASE_URL = database.url;
  try {
    const { approver, briefId, stats } = await setUp();
    let slug = "";
    const publish = async () => {
      const frozen = await freezeBrief(approver, briefId);
      if (frozen.problems.length)
        throw new Error(`publish problems: ${JSON.stringify(frozen.problems.slice(0, 3))}`);
      return db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM briefs WHERE id = ${briefId}::uuid FOR UPDATE`;
        slug = await ensureSlug(tx, { id: briefId, title: "Central Sahel quarterly outlook" });
        return createVersion(tx, {
          briefId,
          frozen,
          approvedById: approver.userId,
          approvedAt: new Date(),
          publishedById: approver.userId,
        });
      });
    };
    await publish(); // warm-up: query plans, citeproc's style and locale
    const publishMs = await samples(publish);
    console.log("publish samples (ms):", publishMs.map((v) => Math.round(v)).join(" "));
    // Where publication time goes, step by step (same work as freezeBrief).
    const live = await loadLiveDocument(briefId);
    const frozenOnce = await freezeBrief(approver, briefId);
    const embeds = await freezeData(approver, live.json);
    const citations = await freezeCitations(
      approver,
      briefId,
      live.json,
      "chicago-note-bibliography",
      "en",
    );
    const steps: [string, number[]][] = [
      [
        "live document (Yjs → ProseMirror JSON, text, hash)",
        await samples(() => loadLiveDocument(briefId)),
      ],
      [
        "freeze 10 embeds (queries) + cited incident rows",
        await samples(() => freezeData(approver, live.json)),
      ],
      [
        "footnotes + bibliography (citeproc)",
        await samples(() =>
          freezeCitations(approver, briefId, live.json, "chicago-note-bibliography", "en"),
        ),
      ],
      [
        "render + sanitize HTML",
        await samples(async () =>
          renderBriefHtml({
            contentJson: live.json,
            embeds,
            citations,
            language: "en",
            direction: "LTR",
          }),
        ),
      ],
      [
        "createVersion (row lock + insert of the version row)",
        await samples(() =>
          db.$transaction(async (tx) => {
            await tx.$queryRaw`SELECT id FROM briefs WHERE id = ${briefId}::uuid FOR UPDATE`;
            return createVersion(tx, {
              briefId,
              frozen: frozenOnce,
              approvedById: approver.userId,
              approvedAt: new Date(),
              publishedById: approver.userId,
            });
          }),
        ),
      ],
    ];
    const readerMs = await samples(async () => {
      if (!(await loadReaderView(slug, "1", approver.userId))) throw new Error("no reader view");
    });
    const version = toExportVersion(slug, (await getVersion(briefId, "latest"))!);

    await closePrintBrowser();
    const [coldPdfMs, pdf] = await time(() => renderPdf(version));
    const warmPdfMs = await samples(() => renderPdf(version));
    await renderDocx(version); // warm-up
    const [, docx] = await time(() => renderDocx(version));
    const docxMs = await samples(() => renderDocx(version));
    const pages = (await getDocumentProxy(new Uint8Array(pdf))).numPages;

    const lines = [
      "## Publishing and export: publication, reader page, PDF and DOCX",
      "",
      `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, PostgreSQL via \`${database.embedded ? "embedded PostgreSQL 17" : "TEST_DATABASE_URL / 127.0.0.1:5432"}\`, Chromium via playwright-core; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")} at the end (the machine is shared: p95s move with it).`,
      `One brief of ${stats.words.toLocaleString("en")} words (${pages} A4 pages in the PDF), ${stats.citations} citations (sources and incident rows), ${stats.embeds} incident embeds (tables, charts, figures) over ${ROWS.toLocaleString("en")} generated ACLED rows imported through the real importer, English with one paragraph in eight in Arabic (bench/publishing/brief.ts). ${RUNS} runs each after a warm-up.`,
      "",
      "| step | p50 | p95 | target |",
      "| --- | --- | --- | --- |",
      row(
        "Publish: freezeBrief (live document, 10 embed queries, citeproc, sanitized HTML) + createVersion",
        publishMs,
        "≤ 1 s with the reader page",
      ),
      row("Reader page data (publication, version with its HTML, version list)", readerMs, ""),
      row(
        "Publish + reader page (sum of the two p50/p95)",
        [
          percentile(publishMs, 50) + percentile(readerMs, 50),
          percentile(publishMs, 95) + percentile(readerMs, 95),
        ],
        "≤ 1 s",
      ),
      ...steps.map(([label, values]) => row(`… of which ${label}`, values, "")),
      `| PDF, cold (browser launch + first render) | ${ms(coldPdfMs, 0)} | | |`,
      row(
        "PDF, warm browser (print document with embedded fonts → Chromium → A4 PDF)",
        warmPdfMs,
        "≤ 3 s",
      ),
      row(
        "DOCX (ProseMirror JSON → docx: footnotes, tables, native charts, bibliography)",
        docxMs,
        "≤ 2 s",
      ),
      "",
      `PDF ${(pdf.byteLength / 1024).toFixed(0)} KiB, DOCX ${(docx.byteLength / 1024).toFixed(0)} KiB. Exports are generated once per version and served from brief_version_exports afterwards, so these times are paid by the first download only. The "Publish + reader page" p95 row adds the two p95s (an upper bound). The reader page serves the HTML stored at publication, so its cost is this data load plus the React shell around it (not measurable outside Next).`,
    ];
    const out = path.join(__dirname, "..", "results");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "publishing.md"), `${lines.join("\n")}\n`);
    console.log(lines.join("\n"));
  } finally {
    await closePrintBrowser();
    await db.$disconnect();
    if (process.env.BENCH_KEEP_DB === "1") console.log(`kept ${database.url}`);
    else await database.drop();
  }
}

void main();
