"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  createCommentThreadAction,
  deleteCommentAction,
  editCommentAction,
  reopenCommentThreadAction,
  replyToCommentThreadAction,
  resolveCommentThreadAction,
} from "@/app/(workspace)/w/[workspace]/briefs/[briefId]/comment-actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import { directionOf } from "@/lib/i18n/config";
import { CommentComposer } from "./CommentComposer";
import { CommentThreadCard, type ThreadActions } from "./CommentThreadCard";
import { useCommentThreads } from "./use-comment-threads";
import { useEditorComments } from "./use-editor-comments";
import { useMentionCandidates } from "./use-mention-candidates";

type Props = {
  editor: Editor;
  provider: HocuspocusProvider;
  briefId: string;
  workspaceSlug: string;
};

/**
 * The brief's comment side panel: open threads in document order (threads whose text was
 * deleted last, marked "text removed"), resolved ones on demand, a composer for the current
 * selection ("Comment" button or Mod-Alt-M), replies, resolve/reopen. Every change pings the
 * other viewers of the brief over the collab connection, which makes them refetch.
 */
export function CommentsPanel({ editor, provider, briefId, workspaceSlug }: Props) {
  const t = useTranslations("comments");
  // The panel speaks the UI language, also beside a brief written in another direction.
  const locale = useLocale();
  const threads = useCommentThreads(workspaceSlug, briefId, provider);
  const { data, changed } = threads;
  const canComment = data?.canComment ?? false;
  const candidates = useMentionCandidates(workspaceSlug, briefId, canComment);
  const [showResolved, setShowResolved] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selectError, setSelectError] = useState(false);

  const open = useMemo(() => (data?.threads ?? []).filter((th) => !th.resolvedAt), [data]);
  const resolved = useMemo(() => (data?.threads ?? []).filter((th) => th.resolvedAt), [data]);
  const { positions, hasSelection, draft, startDraft, cancelDraft, revealThread } =
    useEditorComments({ editor, threads: open, activeId, onActivate: setActiveId });

  const requestDraft = useCallback(() => {
    const ok = startDraft();
    setSelectError(!ok);
  }, [startDraft]);

  // Mod-Alt-M opens the composer, also in a read-only editor (which never has key focus).
  useEffect(() => {
    if (!canComment) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.code === "KeyM" && event.altKey && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        requestDraft();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [canComment, requestDraft]);

  const ordered = useMemo(
    () =>
      [...open].sort(
        (a, b) =>
          (positions.get(a.id) ?? Number.MAX_SAFE_INTEGER) -
            (positions.get(b.id) ?? Number.MAX_SAFE_INTEGER) ||
          a.createdAt.localeCompare(b.createdAt),
      ),
    [open, positions],
  );

  const after = useCallback(
    async <T,>(result: ActionResult<T>): Promise<ActionResult<T>> => {
      if (result.ok) await changed();
      return result;
    },
    [changed],
  );
  const actions: ThreadActions = useMemo(
    () => ({
      reply: async (threadId, body) =>
        after(await replyToCommentThreadAction(workspaceSlug, { threadId, body })),
      resolve: async (threadId) => after(await resolveCommentThreadAction(workspaceSlug, threadId)),
      reopen: async (threadId) => after(await reopenCommentThreadAction(workspaceSlug, threadId)),
      remove: async (commentId) => after(await deleteCommentAction(workspaceSlug, commentId)),
      edit: async (commentId, body) =>
        after(await editCommentAction(workspaceSlug, { commentId, body })),
    }),
    [after, workspaceSlug],
  );

  const card = (thread: (typeof open)[number], detached: boolean) => (
    <CommentThreadCard
      key={thread.id}
      thread={thread}
      people={data?.people ?? {}}
      active={thread.id === activeId}
      detached={detached}
      canComment={canComment}
      candidates={candidates}
      onActivate={() => {
        setActiveId(thread.id);
        revealThread(thread.id);
      }}
      actions={actions}
    />
  );

  return (
    <aside
      className="comments-panel"
      aria-label={t("title")}
      data-testid="comments-panel"
      lang={locale}
      dir={directionOf(locale)}
    >
      <div className="comments-head">
        <h2>{t("title")}</h2>
        {canComment && (
          <button
            type="button"
            className="primary"
            data-testid="comment-button"
            aria-keyshortcuts="Control+Alt+M Meta+Alt+M"
            title={t("commentHint")}
            disabled={!hasSelection}
            // Keep the editor's selection: a click must not move focus before we read it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={requestDraft}
          >
            {t("comment")}
          </button>
        )}
      </div>
      {selectError && (
        <p className="muted small" role="status">
          {t("selectText")}
        </p>
      )}
      {draft && (
        <div className="comment-draft" data-testid="comment-draft">
          <q dir="auto">{draft.quote}</q>
          <CommentComposer
            label={t("newLabel")}
            submitLabel={t("comment")}
            candidates={candidates}
            autoFocus
            testId="thread-composer"
            onCancel={cancelDraft}
            onSubmit={async (body) => {
              const result = await after(
                await createCommentThreadAction(workspaceSlug, {
                  briefId,
                  anchor: draft.anchor,
                  quote: draft.quote,
                  body,
                }),
              );
              if (result.ok) {
                cancelDraft();
                setActiveId(result.data.id);
              }
              return result;
            }}
          />
        </div>
      )}
      {threads.loading && !data && (
        <p className="muted" role="status">
          {t("loading")}
        </p>
      )}
      <ErrorMessage result={threads.error} />
      {data && ordered.length === 0 && !draft && (
        <p className="muted" data-testid="comments-empty">
          {canComment ? t("emptyCanComment") : t("empty")}
        </p>
      )}
      <ol className="comment-threads" data-testid="open-threads" aria-label={t("openThreads")}>
        {ordered.map((thread) => card(thread, !positions.has(thread.id)))}
      </ol>
      {resolved.length > 0 && (
        <label className="comments-toggle">
          <input
            type="checkbox"
            checked={showResolved}
            onChange={(event) => setShowResolved(event.target.checked)}
            data-testid="show-resolved"
          />
          {t("showResolved", { count: resolved.length })}
        </label>
      )}
      {showResolved && resolved.length > 0 && (
        <ol
          className="comment-threads"
          data-testid="resolved-threads"
          aria-label={t("resolvedThreads")}
        >
          {resolved.map((thread) => card(thread, false))}
        </ol>
      )}
    </aside>
  );
}
