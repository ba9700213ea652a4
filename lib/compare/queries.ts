import { authorizeBrief, loadBrief, type LoadedBrief } from "@/lib/briefs/load-brief";
import { effectiveCitationStyle } from "@/lib/citations/brief-settings";
import { DEFAULT_CITATION_STYLE, isCitationStyle } from "@/lib/citations/style-ids";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { findSnapshot } from "@/lib/history/queries";
import { can, type Member } from "@/lib/policy/can";
import { freezeCitations, freezeData } from "@/lib/publishing/freeze";
import type { FrozenCitations, FrozenEmbeds } from "@/lib/publishing/frozen";
import { loadLiveDocument } from "@/lib/publishing/live-document";
import { getVersion } from "@/lib/publishing/queries";
import { citationDiff, type CitationDiff } from "./citation-diff";
import { dataDiff, type DataDiff } from "./data-diff";
import type { CompareRef } from "./refs";
import { textDiff, type TextDiff } from "./text-diff";

const briefSelect = { language: true, citationStyle: true } as const;
type Brief = LoadedBrief<typeof briefSelect>;

/** One side of a comparison: content, citations and data as of that ref. */
export type CompareSide = {
  ref: CompareRef;
  contentJson: unknown;
  citations: FrozenCitations;
  embeds: FrozenEmbeds;
  /** When the data was read: frozen at publication for versions, now for draft/snapshots. */
  dataAsOf: string;
};

export type Comparison = {
  from: CompareSide;
  to: CompareSide;
  text: TextDiff;
  citations: CitationDiff;
  data: DataDiff;
};

function authorizeSide(member: Member, brief: Brief, ref: CompareRef) {
  // Viewers compare published versions only; the draft and its history are for editors.
  const action = ref.kind === "version" ? "brief.readVersions" : "brief.history";
  authorizeBrief(member, action, brief.resource);
}

/**
 * A side as it is: a version from its frozen record; the draft and snapshots with their
 * data and citations frozen now (draft data is live by nature; snapshots kept no data).
 */
async function loadSide(
  member: Member,
  brief: Brief,
  ref: CompareRef,
  tx: Tx,
): Promise<CompareSide> {
  authorizeSide(member, brief, ref);
  if (ref.kind === "version") {
    const version = await getVersion(brief.id, ref.number, tx);
    if (!version) throw new DomainError("notFound");
    return {
      ref,
      contentJson: version.contentJson,
      citations: version.citations,
      embeds: version.embeds,
      dataAsOf: version.embeds.frozenAt,
    };
  }
  const { contentJson, styleInDoc } =
    ref.kind === "draft"
      ? await loadLiveDocument(brief.id, tx).then((live) => ({
          contentJson: live.json,
          styleInDoc: live.citationStyle,
        }))
      : await findSnapshot(member, brief.id, ref.id, tx).then((s) => ({
          contentJson: s.contentJson,
          styleInDoc: s.citationStyle,
        }));
  const stored = isCitationStyle(brief.citationStyle) ? brief.citationStyle : null;
  const style = effectiveCitationStyle(styleInDoc, stored, DEFAULT_CITATION_STYLE);
  const embeds = await freezeData(member, contentJson, tx);
  const citations = await freezeCitations(member, brief.id, contentJson, style, brief.language, tx);
  return { ref, contentJson, citations, embeds, dataAsOf: embeds.frozenAt };
}

/** Text, citation and data differences between two refs of a brief the member may compare. */
export async function compareBrief(
  member: Member,
  briefId: string,
  fromRef: CompareRef,
  toRef: CompareRef,
  tx: Tx = db,
): Promise<Comparison> {
  const brief = await loadBrief(member, briefId, "brief.read", { tx, select: briefSelect });
  const from = await loadSide(member, brief, fromRef, tx);
  const to = await loadSide(member, brief, toRef, tx);
  return {
    from,
    to,
    text: textDiff(from.contentJson, to.contentJson),
    citations: citationDiff(from.citations, to.citations),
    data: dataDiff(from.embeds, to.embeds),
  };
}

export type CompareChoices = {
  versions: { number: number; publishedAt: Date }[];
  snapshots: { id: string; createdAt: Date; reason: string }[];
  mayUseDraft: boolean;
  defaults: { from: CompareRef | null; to: CompareRef | null };
};

/**
 * What the selectors offer the member, and the default pair: latest version → draft for
 * editors (the previous snapshot when nothing is published yet), the two latest versions
 * for viewers.
 */
export async function compareChoices(
  member: Member,
  briefId: string,
  tx: Tx = db,
): Promise<CompareChoices> {
  const brief = await loadBrief(member, briefId, "brief.readVersions", { tx });
  const mayUseDraft = can(member, "brief.history", brief.resource);
  const versions = await tx.briefVersion.findMany({
    where: { briefId },
    orderBy: { number: "desc" },
    select: { number: true, publishedAt: true },
  });
  const snapshots = mayUseDraft
    ? await tx.briefSnapshot.findMany({
        where: { briefId },
        orderBy: { createdAt: "desc" },
        take: 100,
        select: { id: true, createdAt: true, reason: true },
      })
    : [];
  const latest = versions[0] ? ({ kind: "version", number: versions[0].number } as const) : null;
  let defaults: CompareChoices["defaults"];
  if (mayUseDraft) {
    const from =
      latest ?? (snapshots[0] ? ({ kind: "snapshot", id: snapshots[0].id } as const) : null);
    defaults = { from, to: { kind: "draft" } };
  } else {
    const previous = versions[1]
      ? ({ kind: "version", number: versions[1].number } as const)
      : null;
    // One version only: compare it with itself rather than show nothing.
    defaults = { from: previous ?? latest, to: latest };
  }
  return { versions, snapshots, mayUseDraft, defaults };
}
