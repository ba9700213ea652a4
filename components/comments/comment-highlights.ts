import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { anchorToRange, bindingOf } from "@/lib/comments/anchor-mapping";
import type { CommentAnchor } from "@/lib/comments/schema";

export type HighlightThread = { id: string; anchor: CommentAnchor };

type HighlightState = {
  threads: HighlightThread[];
  activeId: string | null;
  decorations: DecorationSet;
};

type HighlightMeta = { threads?: HighlightThread[]; activeId?: string | null };

export const commentHighlightsKey = new PluginKey<HighlightState>("briefCommentHighlights");

function decorate(state: EditorState, threads: HighlightThread[], activeId: string | null) {
  const binding = bindingOf(state);
  if (!binding) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = anchorToRange(thread.anchor, binding);
    // Clamped: a position at the very end of the document can resolve one past it.
    const to = Math.min(range?.to ?? 0, state.doc.content.size);
    if (!range || range.from >= to) continue;
    decorations.push(
      Decoration.inline(
        range.from,
        to,
        {
          class: thread.id === activeId ? "comment-highlight is-active" : "comment-highlight",
          "data-thread-id": thread.id,
        },
        { threadId: thread.id },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights the text of open comment threads. Anchors are Yjs relative positions, so
 * decorations are rebuilt from them whenever Yjs changed the document (a remote edit, the
 * first render) or the threads changed; local edits simply map the existing decorations,
 * because the binding's Y→ProseMirror mapping is only brought up to date after they apply.
 */
export function commentHighlightsPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: () => ({ threads: [], activeId: null, decorations: DecorationSet.empty }),
      apply(tr: Transaction, value, _old, state) {
        const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
        if (meta || tr.getMeta(ySyncPluginKey)) {
          const threads = meta?.threads ?? value.threads;
          const activeId = meta?.activeId !== undefined ? meta.activeId : value.activeId;
          return { threads, activeId, decorations: decorate(state, threads, activeId) };
        }
        if (!tr.docChanged) return value;
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
    },
  });
}

export function setHighlightThreads(tr: Transaction, meta: HighlightMeta): Transaction {
  return tr.setMeta(commentHighlightsKey, meta);
}

/** Where each highlighted thread starts now (threads whose text is gone are absent). */
export function threadPositions(state: EditorState): Map<string, number> {
  const positions = new Map<string, number>();
  const decorations = commentHighlightsKey.getState(state)?.decorations;
  for (const decoration of decorations?.find() ?? []) {
    const id = (decoration.spec as { threadId?: string }).threadId;
    if (id && !positions.has(id)) positions.set(id, decoration.from);
  }
  return positions;
}
