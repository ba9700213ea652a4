import type { JSONContent } from "@tiptap/core";
import { readSuggestionAttrs, SUGGESTION_MARK, SUGGESTION_MARK_NAMES } from "./suggestion-marks";

/**
 * A brief's accepted content: its ProseMirror JSON with every pending suggestion left out,
 * i.e. what it says if nobody accepts anything more (suggested insertions removed,
 * suggested deletions kept, the zero-width markers the suggestions use at block edges
 * dropped, and a paragraph split that is only suggested joined back). This is what is
 * approved, hashed and published; the suggestions themselves stay in the live draft.
 */
export function acceptedContentJson<T>(json: T): T {
  if (!isNode(json)) return json;
  return acceptNode(json) ?? ({ ...json, content: [] } as T);
}

/** Ids of the pending suggestions in `json`; malformed marks count as one "malformed" entry. */
export function pendingSuggestionIds(json: unknown): Set<string> {
  const ids = new Set<string>();
  const visit = (node: unknown) => {
    if (!isNode(node)) return;
    for (const mark of node.marks ?? []) {
      if (mark.type !== SUGGESTION_MARK.insertion && mark.type !== SUGGESTION_MARK.deletion)
        continue;
      ids.add(readSuggestionAttrs(mark.attrs).id ?? "malformed");
    }
    node.content?.forEach(visit);
  };
  visit(json);
  return ids;
}

export function countPendingSuggestions(json: unknown): number {
  return pendingSuggestionIds(json).size;
}

export function hasSuggestionMarks(json: unknown): boolean {
  return countPendingSuggestions(json) > 0;
}

const ZWSP = "\u200B";

type Node = JSONContent & { type: string };

function isNode(value: unknown): value is Node {
  return !!value && typeof value === "object" && typeof (value as Node).type === "string";
}

function markOf(node: JSONContent, type: string) {
  return node.marks?.find((mark) => mark.type === type);
}

function acceptNode<T>(node: T & Node): (T & Node) | null {
  // Suggested text, and a suggested inline node (a citation, a figure) alike.
  if (markOf(node, SUGGESTION_MARK.insertion)) return null;
  if (node.type === "text") {
    const marks = node.marks?.filter((mark) => !SUGGESTION_MARK_NAMES.includes(mark.type));
    const text = markOf(node, SUGGESTION_MARK.deletion)
      ? (node.text ?? "").replaceAll(ZWSP, "")
      : (node.text ?? "");
    if (!text) return null;
    const out: Node = { ...node, text };
    if (marks && marks.length > 0) out.marks = marks;
    else delete out.marks;
    return out as T & Node;
  }
  const out: Node = { ...node };
  if (node.marks) {
    const marks = node.marks.filter((mark) => !SUGGESTION_MARK_NAMES.includes(mark.type));
    if (marks.length > 0) out.marks = marks;
    else delete out.marks;
  }
  if (node.content) {
    const children = joinSuggestedSplits(node.content)
      .map((child) => (isNode(child) ? acceptNode(child) : child))
      .filter((child): child is Node => child !== null);
    const merged = mergeTextNodes(children);
    // ProseMirror writes no `content` for an empty node.
    if (merged.length > 0) out.content = merged;
    else delete out.content;
  }
  return out as T & Node;
}

/**
 * Enter pressed while suggesting splits a block and marks the new boundary with a
 * suggested zero-width character on each side (same suggestion id). Left pending, the two
 * halves are one block: join them before reading the rest.
 */
function joinSuggestedSplits(children: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const child of children) {
    const previous = out[out.length - 1];
    const endId = previous && boundaryId(previous, "end");
    if (endId && endId === boundaryId(child, "start") && previous.type === child.type) {
      out[out.length - 1] = {
        ...previous,
        content: [...(previous.content ?? []), ...(child.content ?? [])],
      };
      continue;
    }
    out.push(child);
  }
  return out;
}

/** The id of an inserted zero-width marker at the start or end of a textblock. */
function boundaryId(node: JSONContent, side: "start" | "end"): string | null {
  const content = node.content;
  if (!content || content.length === 0) return null;
  const edge = side === "start" ? content[0] : content[content.length - 1];
  if (edge?.type !== "text" || !edge.text) return null;
  const ch = side === "start" ? edge.text[0] : edge.text[edge.text.length - 1];
  if (ch !== ZWSP) return null;
  const mark = markOf(edge, SUGGESTION_MARK.insertion);
  return mark ? (readSuggestionAttrs(mark.attrs).id ?? "malformed") : null;
}

/** Adjacent text nodes with the same marks are one node in ProseMirror: keep the JSON canonical. */
function mergeTextNodes(children: Node[]): Node[] {
  const out: Node[] = [];
  for (const child of children) {
    const previous = out[out.length - 1];
    if (
      previous?.type === "text" &&
      child.type === "text" &&
      JSON.stringify(previous.marks ?? []) === JSON.stringify(child.marks ?? [])
    ) {
      out[out.length - 1] = { ...previous, text: `${previous.text ?? ""}${child.text ?? ""}` };
      continue;
    }
    out.push(child);
  }
  return out;
}
