import type { FrozenCitations } from "@/lib/publishing/frozen";

type CitedSource = FrozenCitations["sources"][number];

export type CitationChange = {
  id: string;
  from: CitedSource;
  to: CitedSource;
  /** Which of the compared fields differ. */
  fields: ("title" | "grade")[];
};

export type CitationDiff = {
  added: CitedSource[];
  removed: CitedSource[];
  changed: CitationChange[];
  /** Set when the citation style changed (footnotes and bibliography read differently). */
  style: { from: string; to: string } | null;
  count: number;
};

/** Cited sources compared by source id: added, removed, and those whose title or grade changed. */
export function citationDiff(
  from: Pick<FrozenCitations, "sources" | "style"> | null,
  to: Pick<FrozenCitations, "sources" | "style"> | null,
): CitationDiff {
  const before = new Map((from?.sources ?? []).map((s) => [s.id, s]));
  const after = new Map((to?.sources ?? []).map((s) => [s.id, s]));
  const added = [...after.values()].filter((s) => !before.has(s.id));
  const removed = [...before.values()].filter((s) => !after.has(s.id));
  const changed: CitationChange[] = [];
  for (const [id, next] of after) {
    const prev = before.get(id);
    if (!prev) continue;
    const fields = (["title", "grade"] as const).filter((f) => prev[f] !== next[f]);
    if (fields.length > 0) changed.push({ id, from: prev, to: next, fields });
  }
  const style = from && to && from.style !== to.style ? { from: from.style, to: to.style } : null;
  return {
    added,
    removed,
    changed,
    style,
    count: added.length + removed.length + changed.length + (style ? 1 : 0),
  };
}
