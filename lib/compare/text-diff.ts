import { diffArrays, diffWords } from "diff";
import { parseTextDirection, type TextDirection } from "@/lib/editor/text-direction";

/** One block of a document as compare sees it: its text (or the embed it stands for). */
export type DiffSourceBlock = {
  /** ProseMirror node type: paragraph, heading, incidentTable… */
  type: string;
  text: string;
  dir: TextDirection;
  /** True for atom blocks (embeds, rules): shown by type, never word-diffed. */
  atom: boolean;
};

export type DiffPart = { kind: "same" | "ins" | "del"; text: string };

export type DiffBlock = {
  status: "same" | "added" | "removed" | "changed";
  type: string;
  dir: TextDirection;
  atom: boolean;
  parts: DiffPart[];
};

export type TextDiff = {
  blocks: DiffBlock[];
  counts: { added: number; removed: number; changed: number };
};

/** Nodes that only hold other blocks: compare looks through them at their text blocks. */
const CONTAINERS = new Set([
  "doc",
  "bulletList",
  "orderedList",
  "listItem",
  "taskList",
  "taskItem",
  "blockquote",
  "table",
  "tableRow",
  "tableCell",
  "tableHeader",
]);

type JsonNode = {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
};

function asNode(value: unknown): JsonNode | null {
  return value && typeof value === "object" ? (value as JsonNode) : null;
}

/** Inline content as text: hard breaks are newlines, citations a dagger, inline embeds their type. */
function inlineText(nodes: readonly JsonNode[] | undefined): string {
  let out = "";
  for (const node of nodes ?? []) {
    if (node.type === "text") out += node.text ?? "";
    else if (node.type === "hardBreak") out += "\n";
    else if (node.type === "citation") out += "†";
    else if (node.content) out += inlineText(node.content);
    else if (node.type) out += `[${node.type}]`;
  }
  return out;
}

/** The text blocks and atom blocks of a ProseMirror JSON document, in document order. */
export function blocksOf(json: unknown): DiffSourceBlock[] {
  const blocks: DiffSourceBlock[] = [];
  const walk = (node: JsonNode, inheritedDir: TextDirection) => {
    const type = node.type ?? "unknown";
    const own = parseTextDirection(
      typeof node.attrs?.dir === "string" ? (node.attrs.dir as string) : null,
    );
    const dir = own === "auto" ? inheritedDir : own;
    if (CONTAINERS.has(type)) {
      for (const child of node.content ?? []) walk(child, dir);
    } else if (node.content) {
      blocks.push({ type, text: inlineText(node.content), dir, atom: false });
    } else {
      blocks.push({ type, text: embedLabel(node), dir, atom: true });
    }
  };
  const root = asNode(json);
  if (root) walk(root, "auto");
  return blocks;
}

/** An atom block's identity: its type and attributes (an embed's query), so a changed query shows. */
function embedLabel(node: JsonNode): string {
  const spec = node.attrs?.spec;
  return typeof spec === "string" ? spec : "";
}

const sameBlock = (a: DiffSourceBlock, b: DiffSourceBlock) =>
  a.type === b.type && a.text === b.text && a.atom === b.atom;

/**
 * Block-level alignment first (so a moved or inserted paragraph does not smear word
 * changes across the whole document), then word-level diff inside the blocks that changed:
 * a run of removed blocks and the added ones that replaced it are paired off by similarity
 * (pairOff), leftovers stay whole additions or removals.
 */
export function textDiff(fromJson: unknown, toJson: unknown): TextDiff {
  const changes = diffArrays(blocksOf(fromJson), blocksOf(toJson), { comparator: sameBlock });
  const out: DiffBlock[] = [];
  const counts = { added: 0, removed: 0, changed: 0 };
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const block of change.value) out.push(whole(block, "same"));
      continue;
    }
    const removed = change.removed ? change.value : [];
    const next = changes[i + 1];
    const added =
      change.removed && next?.added ? (i++, next.value) : change.added ? change.value : [];
    for (const item of pairOff(removed, added)) {
      if (item.from && item.to) {
        out.push(changedBlock(item.from, item.to));
        counts.changed++;
      } else if (item.from) {
        out.push(whole(item.from, "removed"));
        counts.removed++;
      } else if (item.to) {
        out.push(whole(item.to, "added"));
        counts.added++;
      }
    }
  }
  return { blocks: out, counts };
}

/** Blocks this similar (shared words, Dice coefficient) are one edited block, not two. */
const SIMILAR = 0.4;

function similarity(a: string, b: string): number {
  const words = (text: string) => new Set(text.toLowerCase().split(/\s+/).filter(Boolean));
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

type Pairing = { from?: DiffSourceBlock; to?: DiffSourceBlock };

/**
 * Pairs a run of removed blocks with the run of added blocks that replaced it, in order:
 * each removed text block is paired with the next added text block similar enough to be
 * its edited version (added blocks skipped on the way are insertions); the rest are whole
 * removals and additions. So inserting a paragraph before an edited one does not pair the
 * new paragraph with the old one.
 */
function pairOff(removed: DiffSourceBlock[], added: DiffSourceBlock[]): Pairing[] {
  const out: Pairing[] = [];
  let j = 0;
  for (const from of removed) {
    const k = from.atom
      ? -1
      : added.findIndex(
          (to, index) => index >= j && !to.atom && similarity(from.text, to.text) >= SIMILAR,
        );
    if (k < 0) {
      out.push({ from });
      continue;
    }
    for (; j < k; j++) out.push({ to: added[j] });
    out.push({ from, to: added[k] });
    j = k + 1;
  }
  for (; j < added.length; j++) out.push({ to: added[j] });
  return out;
}

function whole(block: DiffSourceBlock, status: "same" | "added" | "removed"): DiffBlock {
  const kind = status === "added" ? "ins" : status === "removed" ? "del" : "same";
  return {
    status,
    type: block.type,
    dir: block.dir,
    atom: block.atom,
    parts: block.text ? [{ kind, text: block.text }] : [],
  };
}

/**
 * Word boundaries from Intl.Segmenter: diff's own tokenizer knows only Latin letters and
 * would split Arabic words into single characters.
 */
const WORDS = new Intl.Segmenter(undefined, { granularity: "word" });

function changedBlock(from: DiffSourceBlock, to: DiffSourceBlock): DiffBlock {
  const parts: DiffPart[] = diffWords(from.text, to.text, { intlSegmenter: WORDS }).map((part) => ({
    kind: part.added ? "ins" : part.removed ? "del" : "same",
    text: part.value,
  }));
  return { status: "changed", type: to.type, dir: to.dir, atom: false, parts };
}
