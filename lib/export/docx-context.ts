import type { JSONContent } from "@tiptap/core";
import type { FormattedNote } from "@/lib/citations/format";
import type { IncidentEmbedKind } from "@/lib/editor/incident-embeds";
import { embedKey, parseSpecAttr } from "@/lib/publishing/embed-nodes";
import type { FrozenEmbed } from "@/lib/publishing/frozen";
import { renderLabels, type RenderLabels } from "@/lib/publishing/render-labels";
import { titleLabels } from "./document-labels";
import type { DocxMapImage } from "./docx-map";
import type { ExportVersion } from "./export-version";

/** State of one DOCX walk over a version's ProseMirror JSON. */
export type DocxContext = {
  version: ExportVersion;
  /** The words the version's HTML uses (notes, bibliography, columns…). */
  labels: RenderLabels;
  title: ReturnType<typeof titleLabels>;
  /** Frozen footnotes by number (1-based, document order). */
  notes: ReadonlyMap<number, FormattedNote>;
  /** Number of the next citation node met in document order. */
  nextNote: number;
  /** Ordered lists each restart at 1: every list gets its own numbering instance. */
  nextListInstance: number;
  /** Start numbers of the ordered lists met (each gets a numbering definition). */
  listStarts: Set<number>;
  /** The frozen result of an embed node, by the key the publisher stored it under. */
  findEmbed: (kind: IncidentEmbedKind, spec: unknown) => FrozenEmbed | null;
  /** Map embeds drawn ahead of the walk (SVG and its PNG), by frozen embed key. */
  maps?: ReadonlyMap<string, DocxMapImage>;
};

export function docxContext(version: ExportVersion): DocxContext {
  const byKey = new Map((version.embeds?.embeds ?? []).map((e) => [e.key, e]));
  return {
    version,
    labels: renderLabels(version.language),
    title: titleLabels(version.language),
    notes: new Map((version.citations?.notes ?? []).map((n) => [n.note, n])),
    nextNote: 1,
    nextListInstance: 1,
    listStarts: new Set([1]),
    findEmbed: (kind, raw) => {
      const spec = parseSpecAttr(raw, kind);
      return spec ? (byKey.get(embedKey(spec)) ?? null) : null;
    },
  };
}

/** Plain text of a node (to decide a block's direction). */
export function nodeText(node: JSONContent): string {
  if (typeof node.text === "string") return node.text;
  return (node.content ?? []).map(nodeText).join("");
}
