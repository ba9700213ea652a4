/**
 * Pure helpers over a brief's ProseMirror JSON for the publisher: the incident embeds it
 * holds (in document order) and the key under which an embed's frozen result is stored.
 * No database, so the renderer, compare and export can use them on a stored version.
 */
import { createHash } from "node:crypto";
import { INCIDENT_NODE, type IncidentEmbedKind } from "@/lib/editor/incident-embeds";
import { embedSpecSchema, type EmbedSpec } from "@/lib/incidents/query-schema";
import { canonicalJson } from "@/lib/documents/content-hash";

const KIND_OF_NODE = new Map<string, IncidentEmbedKind>(
  (Object.entries(INCIDENT_NODE) as [IncidentEmbedKind, string][]).map(([kind, node]) => [
    node,
    kind,
  ]),
);

/** Dataset names as readers know them (citation items and footnotes use these). */
export const DATASET_NAMES = {
  UCDP_GED: "UCDP GED",
  ACLED: "ACLED",
  INHOUSE: "Briefroom in-house",
} as const;
export type DatasetEnum = keyof typeof DATASET_NAMES;

export function datasetEnumOfName(name: string): DatasetEnum | null {
  const entry = Object.entries(DATASET_NAMES).find(([, label]) => label === name);
  return entry ? (entry[0] as DatasetEnum) : null;
}

export type EmbedNode = {
  /** 1-based position among the document's embeds (what a publish problem names). */
  index: number;
  kind: IncidentEmbedKind;
  /** The parsed spec, or null when the node's spec attribute is broken. */
  spec: EmbedSpec | null;
};

/** Parses a node's spec attribute (JSON text or object); null when broken or of another kind. */
export function parseSpecAttr(value: unknown, kind: IncidentEmbedKind): EmbedSpec | null {
  let raw = value;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const parsed = embedSpecSchema.safeParse(raw);
  if (!parsed.success || parsed.data.kind !== kind) return null;
  const spec = parsed.data;
  const filters = [
    spec.filter,
    ...(spec.kind === "figure" && spec.baseline ? [spec.baseline] : []),
  ];
  return filters.every((f) => isRealDate(f.from) && isRealDate(f.to)) ? spec : null;
}

/** The schema checks the date's shape only; "2024-13-45" would make the query throw. */
function isRealDate(value: string | undefined): boolean {
  if (value === undefined) return true;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** SHA-256 of the canonical spec: embeds with the same query share a key across versions. */
export function embedKey(spec: EmbedSpec): string {
  return createHash("sha256").update(canonicalJson(spec)).digest("hex");
}

/** The embed kind of a node type name, or null for any other node. */
export function embedKindOfNode(type: unknown): IncidentEmbedKind | null {
  return typeof type === "string" ? (KIND_OF_NODE.get(type) ?? null) : null;
}

/** Every incident embed of the document, in document order. */
export function collectEmbedNodes(json: unknown): EmbedNode[] {
  const out: EmbedNode[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as { type?: unknown; attrs?: { spec?: unknown }; content?: unknown };
    const kind = embedKindOfNode(n.type);
    if (kind) {
      out.push({ index: out.length + 1, kind, spec: parseSpecAttr(n.attrs?.spec, kind) });
      return;
    }
    if (Array.isArray(n.content)) n.content.forEach(walk);
  };
  walk(json);
  return out;
}
