import { loadBrief } from "@/lib/briefs/load-brief";
import { db, type Tx } from "@/lib/db";
import { normalizeCitationItems, type CitationItem } from "@/lib/editor/citation-items";
import { can, type Member } from "@/lib/policy/can";
import { sourcesByIds } from "@/lib/sources/queries";
import { effectiveCitationStyle } from "./brief-settings";
import type { SourceForCitation } from "./csl-item";
import { formatCitations, type FormattedCitations } from "./format";
import { DEFAULT_CITATION_STYLE, type CitationStyleId } from "./styles";

const MAX_CLUSTERS = 2000;

/** What the hover card of a citation shows about one source. */
export type SourceCard = {
  id: string;
  title: string;
  containerTitle: string | null;
  issued: string | null;
  reliability: string;
  credibility: number;
  archived: boolean;
};

function readableBrief(member: Member, briefId: string, tx: Tx) {
  return loadBrief(member, briefId, "brief.read", {
    tx,
    select: { language: true, citationStyle: true },
  });
}

/**
 * Footnotes and bibliography for the citations of a brief, as the editor currently has them
 * (clusters in document order), in the brief's language and style: the style the editor's
 * live document holds (`requestedStyle`, see brief-settings.ts), else the stored one.
 */
export async function formatBriefCitations(
  member: Member,
  briefId: string,
  rawClusters: unknown,
  requestedStyle?: unknown,
  tx: Tx = db,
): Promise<FormattedCitations & { style: CitationStyleId; cards: SourceCard[] }> {
  const brief = await readableBrief(member, briefId, tx);
  const clusters: CitationItem[][] = Array.isArray(rawClusters)
    ? rawClusters.slice(0, MAX_CLUSTERS).map((c) => normalizeCitationItems(c))
    : [];
  const ids = clusters.flat().flatMap((item) => (item.kind === "source" ? [item.id] : []));
  const rows = await sourcesByIds(brief.workspaceId, ids, tx);
  const sources = new Map<string, SourceForCitation>(rows.map((r) => [r.id, r]));
  const style = effectiveCitationStyle(requestedStyle, brief.citationStyle, DEFAULT_CITATION_STYLE);
  const formatted = formatCitations({ style, language: brief.language, clusters, sources });
  return {
    ...formatted,
    style,
    cards: rows.map((r) => ({
      id: r.id,
      title: r.title,
      containerTitle: r.containerTitle,
      issued: r.issued,
      reliability: r.reliability,
      credibility: r.credibility,
      archived: r.archivedAt !== null,
    })),
  };
}

/** Sources for the citation picker: live (not archived) ones matching `q`, best first. */
export async function searchSourcesForPicker(member: Member, q: string, tx: Tx = db) {
  if (!can(member, "source.read", { kind: "workspace", id: member.workspaceId })) return [];
  const query = q.trim().slice(0, 200);
  const contains = { contains: query, mode: "insensitive" as const };
  return tx.source.findMany({
    where: {
      workspaceId: member.workspaceId,
      archivedAt: null,
      ...(query
        ? {
            OR: [
              { title: contains },
              { titleTranslated: contains },
              { containerTitle: contains },
              { publisher: contains },
              { tags: { has: query.toLowerCase() } },
            ],
          }
        : {}),
    },
    orderBy: { updatedAt: "desc" },
    take: 20,
    select: {
      id: true,
      title: true,
      titleTranslated: true,
      containerTitle: true,
      publisher: true,
      issued: true,
      reliability: true,
      credibility: true,
      language: true,
    },
  });
}
export type PickerSource = Awaited<ReturnType<typeof searchSourcesForPicker>>[number];
