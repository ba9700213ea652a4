/**
 * Freezing a brief for publication: the live document's text, the results of
 * every incident embed and cited incident row as they are now, and the footnotes and
 * bibliography. Reads only; publishing (lib/workflow/publish.ts) stores the result with
 * createVersion.
 */
import { loadBrief } from "@/lib/briefs/load-brief";
import { collectCitationsFromJson } from "@/lib/editor/citation";
import { effectiveCitationStyle } from "@/lib/citations/brief-settings";
import { formatCitations } from "@/lib/citations/format";
import type { SourceForCitation } from "@/lib/citations/csl-item";
import { DEFAULT_CITATION_STYLE, type CitationStyleId } from "@/lib/citations/style-ids";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { computeEmbed } from "@/lib/incidents/embeds";
import { incidentWhere } from "@/lib/incidents/queries";
import type { EmbedSpec } from "@/lib/incidents/query-schema";
import type { Member } from "@/lib/policy/can";
import { sourcesByIds } from "@/lib/sources/queries";
import { collectEmbedNodes, embedKey, DATASET_NAMES } from "./embed-nodes";
import type { FrozenBrief, FrozenCitations, FrozenEmbed, FrozenEmbeds } from "./frozen";
import { acceptedDocument } from "./accepted-document";
import { loadLiveDocument } from "./live-document";
import { approvalHash } from "./approval-hash";
import { findPublishProblems } from "./publish-problems";
import { frozenIncidentsOf } from "./frozen-incidents";
import { renderBriefHtml } from "./render-html";

/**
 * Results of every well-formed embed of `contentJson` (one entry per distinct query) and a
 * snapshot of every cited incident row. Broken specs are skipped here, never thrown:
 * freezeBrief reports them as problems.
 */
export async function freezeData(
  member: Member,
  contentJson: unknown,
  tx: Tx = db,
): Promise<FrozenEmbeds> {
  const frozenAt = new Date().toISOString();
  const specs = new Map<string, EmbedSpec>();
  for (const node of collectEmbedNodes(contentJson)) {
    if (node.spec) specs.set(embedKey(node.spec), node.spec);
  }
  // Concurrently: on the pool the embeds' queries run side by side; in a transaction Prisma
  // queues them on its one connection, which is no slower than awaiting them in turn.
  const compute = Promise.all(
    [...specs].map(async ([key, spec]): Promise<FrozenEmbed | null> => {
      try {
        const [result, datasets] = await Promise.all([
          computeEmbed(member, spec, tx),
          datasetsBehind(member, spec, tx),
        ]);
        return { key, kind: spec.kind, spec, result, datasets };
      } catch (error) {
        // A query the client refuses to build (a domain or validation error) leaves the
        // embed out; findPublishProblems then reports it as not computed. Anything else is real.
        if (error instanceof DomainError || isPrismaValidationError(error)) return null;
        throw error;
      }
    }),
  );
  const [computed, incidents] = await Promise.all([
    compute,
    frozenIncidentsOf(member, collectCitationsFromJson(contentJson), tx),
  ]);
  const embeds = computed.filter((e): e is FrozenEmbed => e !== null);
  return { embeds, incidents, frozenAt };
}

function isPrismaValidationError(error: unknown): boolean {
  return error instanceof Error && error.name === "PrismaClientValidationError";
}

/** Which dataset releases the rows behind an embed come from (figures: baseline too). */
async function datasetsBehind(member: Member, spec: EmbedSpec, tx: Tx) {
  const filters = [
    spec.filter,
    ...(spec.kind === "figure" && spec.baseline ? [spec.baseline] : []),
  ];
  const seen = new Map<string, { dataset: string; version: string | null }>();
  for (const filter of filters) {
    const groups = await tx.incident.groupBy({
      by: ["dataset", "datasetVersion"],
      where: await incidentWhere(member.workspaceId, filter, tx),
      orderBy: [{ dataset: "asc" }, { datasetVersion: "asc" }],
    });
    for (const g of groups) {
      const dataset = DATASET_NAMES[g.dataset];
      seen.set(`${dataset}\u0000${g.datasetVersion ?? ""}`, { dataset, version: g.datasetVersion });
    }
  }
  return [...seen.values()];
}

/**
 * Footnotes and bibliography of `contentJson` in `style` and `language`, plus the cited
 * sources' titles and grades as they are now. A missing source is counted in its note.
 */
export async function freezeCitations(
  member: Member,
  briefId: string,
  contentJson: unknown,
  style: CitationStyleId,
  language: string,
  tx: Tx = db,
): Promise<FrozenCitations> {
  await readableBrief(member, briefId, tx);
  const clusters = collectCitationsFromJson(contentJson);
  const ids = clusters.flat().flatMap((item) => (item.kind === "source" ? [item.id] : []));
  const rows = await sourcesByIds(member.workspaceId, ids, tx);
  const sources = new Map<string, SourceForCitation>(rows.map((r) => [r.id, r]));
  const formatted = formatCitations({ style, language, clusters, sources });
  return {
    style,
    language,
    notes: formatted.notes,
    bibliography: formatted.bibliography,
    sources: rows.map((r) => ({
      id: r.id,
      title: r.title,
      grade: `${r.reliability}${r.credibility}`,
    })),
  };
}

function readableBrief(member: Member, briefId: string, tx: Tx) {
  return loadBrief(member, briefId, "brief.read", {
    tx,
    select: { title: true, language: true, direction: true, citationStyle: true },
  });
}

/**
 * Everything a version of `briefId` would store if published now, with the problems that
 * block publication (missing sources, broken embeds, missing incident rows). Writes nothing.
 */
export async function freezeBrief(
  member: Member,
  briefId: string,
  tx: Tx = db,
): Promise<FrozenBrief> {
  const brief = await readableBrief(member, briefId, tx);
  // Pending suggestions are never published: the version is of the accepted content.
  const live = acceptedDocument(await loadLiveDocument(briefId, tx));
  const style = effectiveCitationStyle(
    live.citationStyle,
    brief.citationStyle,
    DEFAULT_CITATION_STYLE,
  );
  // Citeproc works in this process while the embeds' queries run in the database.
  const [embeds, citations] = await Promise.all([
    freezeData(member, live.json, tx),
    freezeCitations(member, briefId, live.json, style, brief.language, tx),
  ]);
  const html = renderBriefHtml({
    contentJson: live.json,
    embeds,
    citations,
    language: brief.language,
    direction: brief.direction,
  });
  return {
    title: brief.title,
    language: brief.language,
    direction: brief.direction,
    citationStyle: style,
    yjsState: live.state,
    contentJson: live.json,
    contentText: live.text,
    // The version's identity covers what it shows beside the body (title, language, style).
    contentHash: approvalHash(live.hash, {
      title: brief.title,
      language: brief.language,
      direction: brief.direction,
      citationStyle: style,
    }),
    html,
    embeds,
    citations,
    problems: findPublishProblems(live.json, embeds, citations),
  };
}
