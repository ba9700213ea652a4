/**
 * What a published version freezes besides its text: the results of every embed
 * and incident citation as they were, and the footnotes and bibliography. Stored as JSON in
 * BriefVersion.embeds / .citations and in the SUBMIT transition's data (staleness), read by
 * the reader page, compare and export. Self-contained: rendering a version needs nothing
 * but this and the version's contentJson.
 */
import type { FormattedBibliography, FormattedNote } from "@/lib/citations/format";
import type { CitationStyleId } from "@/lib/citations/style-ids";
import type { IncidentEmbedKind } from "@/lib/editor/incident-embeds";
import type { EmbedResult } from "@/lib/incidents/embeds";
import type { EmbedSpec } from "@/lib/incidents/query-schema";

/** One embed node's query and its result at freeze time. */
export type FrozenEmbed = {
  /** canonicalJson(spec) hashed: embeds with the same query share a key across versions. */
  key: string;
  kind: IncidentEmbedKind;
  spec: EmbedSpec;
  result: EmbedResult;
  /** Dataset releases of the rows behind the result, e.g. [{dataset:"UCDP GED", version:"25.1"}]. */
  datasets: { dataset: string; version: string | null }[];
};

/** One cited incident row as it was (footnotes say dataset, version, row id, access date). */
export type FrozenIncident = {
  id: string;
  dataset: string;
  externalId: string;
  datasetVersion: string | null;
  date: string;
  placeName: string | null;
  accessDate: string | null;
  removedAt: string | null;
  /** The fields a reader compares: fatalities, actors, type… (keyed by column name). */
  values: Record<string, string | number | null>;
};

export type FrozenEmbeds = {
  embeds: FrozenEmbed[];
  incidents: FrozenIncident[];
  /** When the data was read (ISO). */
  frozenAt: string;
};

export type FrozenCitations = {
  style: CitationStyleId;
  language: string;
  notes: FormattedNote[];
  bibliography: FormattedBibliography;
  /** Cited sources by id: title and grade at freeze time (compare shows changed citations). */
  sources: { id: string; title: string; grade: string }[];
};

/** A problem that blocks publication (listed to the publisher). */
export type PublishProblem =
  | { kind: "missingSource"; sourceId: string; note: number }
  | { kind: "brokenEmbed"; index: number; reason: string }
  | { kind: "missingIncident"; incidentId: string; note: number };

/** Everything a version stores, computed from the live document (lib/publishing/freeze.ts). */
export type FrozenBrief = {
  title: string;
  language: string;
  direction: "LTR" | "RTL";
  citationStyle: CitationStyleId;
  yjsState: Uint8Array;
  contentJson: unknown;
  contentText: string;
  /** lib/publishing/approval-hash.ts: the content and the fields shown with it. */
  contentHash: string;
  /** Sanitized body HTML (lib/publishing/render-html.ts). */
  html: string;
  embeds: FrozenEmbeds;
  citations: FrozenCitations;
  problems: PublishProblem[];
};
