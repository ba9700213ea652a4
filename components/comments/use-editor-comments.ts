"use client";

import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useState } from "react";
import { bindingOf, rangeToAnchor, textRange } from "@/lib/comments/anchor-mapping";
import type { CommentThreadView } from "@/lib/comments/queries";
import { COMMENT_QUOTE_MAX, type CommentAnchor } from "@/lib/comments/schema";
import {
  commentHighlightsKey,
  commentHighlightsPlugin,
  setHighlightThreads,
  threadPositions,
} from "./comment-highlights";

export type CommentDraft = { anchor: CommentAnchor; quote: string };

type Options = {
  editor: Editor;
  threads: CommentThreadView[];
  activeId: string | null;
  onActivate: (threadId: string) => void;
};

function samePositions(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, pos] of a) if (b.get(id) !== pos) return false;
  return true;
}

/**
 * Connects the comment panel to the editor: installs the highlight plugin, feeds it the open
 * threads and the active one, reports where each thread starts (for ordering) and whether
 * there is a selection, opens a thread when its highlight is clicked, and turns the
 * selection into a draft anchored with Yjs relative positions.
 */
export function useEditorComments({ editor, threads, activeId, onActivate }: Options) {
  const [positions, setPositions] = useState<Map<string, number>>(() => new Map());
  const [hasSelection, setHasSelection] = useState(false);
  const [draft, setDraft] = useState<CommentDraft | null>(null);

  useEffect(() => {
    editor.registerPlugin(commentHighlightsPlugin());
    const onTransaction = () => {
      const next = threadPositions(editor.state);
      setPositions((current) => (samePositions(current, next) ? current : next));
      setHasSelection(!editor.state.selection.empty);
    };
    // A click on a highlight opens its thread (not when the click ends a text selection).
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const mark = target?.closest<HTMLElement>("[data-thread-id]");
      if (mark?.dataset.threadId && window.getSelection()?.isCollapsed !== false) {
        onActivate(mark.dataset.threadId);
        document
          .querySelector(`.comments-panel [data-thread-id="${CSS.escape(mark.dataset.threadId)}"]`)
          ?.scrollIntoView({ block: "nearest" });
      }
    };
    const dom = editor.view.dom;
    editor.on("transaction", onTransaction);
    dom.addEventListener("click", onClick);
    return () => {
      editor.off("transaction", onTransaction);
      dom.removeEventListener("click", onClick);
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightsKey);
    };
  }, [editor, onActivate]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    const highlighted = threads.flatMap((th) =>
      th.anchor ? [{ id: th.id, anchor: th.anchor }] : [],
    );
    const tr = setHighlightThreads(editor.state.tr, { threads: highlighted, activeId });
    editor.view.dispatch(tr.setMeta("addToHistory", false));
  }, [editor, threads, activeId]);

  /** Opens a draft on the current selection; false when there is no text selected. */
  const startDraft = useCallback((): boolean => {
    const { selection, doc } = editor.state;
    const binding = bindingOf(editor.state);
    if (selection.empty || !binding) return false;
    const { from, to } = textRange(doc, selection.from, selection.to);
    const quote = doc.textBetween(from, to, " ", " ").trim();
    if (from >= to || !quote) return false;
    setDraft({
      anchor: rangeToAnchor(from, to, binding),
      quote: quote.slice(0, COMMENT_QUOTE_MAX),
    });
    return true;
  }, [editor]);

  const cancelDraft = useCallback(() => setDraft(null), []);

  /** Scrolls the editor to a thread's highlighted text. */
  const revealThread = useCallback(
    (threadId: string) => {
      editor.view.dom
        .querySelector(`[data-thread-id="${CSS.escape(threadId)}"]`)
        ?.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    [editor],
  );

  return { positions, hasSelection, draft, startDraft, cancelDraft, revealThread };
}
