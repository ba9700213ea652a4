"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import { decodeMentions, type MentionPerson } from "@/lib/comments/mention-text";
import type { CommentThreadView } from "@/lib/comments/queries";
import { CommentBody } from "./CommentBody";
import { CommentComposer } from "./CommentComposer";

export type ThreadActions = {
  reply: (threadId: string, body: string) => Promise<ActionResult<unknown>>;
  resolve: (threadId: string) => Promise<ActionResult<unknown>>;
  reopen: (threadId: string) => Promise<ActionResult<unknown>>;
  remove: (commentId: string) => Promise<ActionResult<unknown>>;
  edit: (commentId: string, body: string) => Promise<ActionResult<unknown>>;
};

type Props = {
  thread: CommentThreadView;
  people: Record<string, string>;
  active: boolean;
  /** The anchored text was deleted: show the quote only. */
  detached: boolean;
  canComment: boolean;
  candidates: MentionPerson[];
  onActivate: () => void;
  actions: ThreadActions;
};

export function CommentThreadCard(props: Props) {
  const { thread } = props;
  const t = useTranslations("comments");
  const format = useFormatter();
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  function run(work: () => Promise<ActionResult<unknown>>) {
    startTransition(async () => setResult(await work()));
  }

  return (
    <li
      className={`comment-thread${props.active ? " is-active" : ""}${thread.resolvedAt ? " is-resolved" : ""}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      aria-current={props.active ? "true" : undefined}
    >
      <button type="button" className="comment-quote" onClick={props.onActivate} dir="auto">
        {props.detached && <span className="comment-removed">{t("textRemoved")} </span>}
        <q>{thread.quote}</q>
      </button>
      {thread.resolvedAt && (
        <p className="muted small" data-testid="resolved-note">
          {t("resolvedBy", { name: thread.resolvedByName ?? "?", when: when(thread.resolvedAt) })}
        </p>
      )}
      <ol className="comment-list">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment" data-testid="comment">
            <div className="comment-meta">
              <strong dir="auto">{comment.authorName}</strong>
              <time dateTime={comment.createdAt} className="muted small">
                {when(comment.createdAt)}
              </time>
              {comment.editedAt && <span className="muted small">{t("edited")}</span>}
              {comment.mine && (
                <button
                  type="button"
                  className="comment-link"
                  disabled={pending}
                  onClick={() => setEditing(comment.id)}
                  data-testid="edit-comment"
                >
                  {t("edit")}
                </button>
              )}
              {comment.mine && (
                <button
                  type="button"
                  className="comment-link"
                  disabled={pending}
                  onClick={() => {
                    if (window.confirm(t("deleteConfirm")))
                      run(() => props.actions.remove(comment.id));
                  }}
                >
                  {t("delete")}
                </button>
              )}
            </div>
            {editing === comment.id ? (
              <CommentComposer
                label={t("editLabel")}
                submitLabel={t("save")}
                candidates={props.candidates}
                initial={decodeMentions(comment.body, props.people)}
                autoFocus
                testId="edit-composer"
                onCancel={() => setEditing(null)}
                onSubmit={async (body) => {
                  const outcome = await props.actions.edit(comment.id, body);
                  if (outcome.ok) setEditing(null);
                  return outcome;
                }}
              />
            ) : (
              <CommentBody body={comment.body} people={props.people} unknownName={t("someone")} />
            )}
          </li>
        ))}
      </ol>
      <ErrorMessage result={result} />
      <div className="comment-thread-actions">
        {props.canComment && !replying && (
          <button type="button" onClick={() => setReplying(true)} data-testid="reply-button">
            {t("reply")}
          </button>
        )}
        {thread.canResolve &&
          (thread.resolvedAt ? (
            <button
              type="button"
              disabled={pending}
              onClick={() => run(() => props.actions.reopen(thread.id))}
              data-testid="reopen-thread"
            >
              {t("reopen")}
            </button>
          ) : (
            <button
              type="button"
              disabled={pending}
              onClick={() => run(() => props.actions.resolve(thread.id))}
              data-testid="resolve-thread"
            >
              {t("resolve")}
            </button>
          ))}
      </div>
      {props.canComment && replying && (
        <CommentComposer
          label={t("replyLabel")}
          submitLabel={t("reply")}
          candidates={props.candidates}
          autoFocus
          testId="reply-composer"
          onCancel={() => setReplying(false)}
          onSubmit={async (body) => {
            const outcome = await props.actions.reply(thread.id, body);
            if (outcome.ok) setReplying(false);
            return outcome;
          }}
        />
      )}
    </li>
  );
}
