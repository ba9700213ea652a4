"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import { encodeMentions, type MentionPerson } from "@/lib/comments/mention-text";
import { MentionTextarea } from "./MentionTextarea";

type Props = {
  label: string;
  submitLabel: string;
  candidates: MentionPerson[];
  /** Receives the body with mention tokens; a successful result clears the box. */
  onSubmit: (body: string) => Promise<ActionResult<unknown>>;
  onCancel?: () => void;
  autoFocus?: boolean;
  testId: string;
  /** Editing: the text (with "@Name") and the people it mentions. */
  initial?: { text: string; picked: MentionPerson[] };
};

/** A comment or reply box with @mentions; shows the action's error in the user's language. */
export function CommentComposer(props: Props) {
  const t = useTranslations("comments");
  const [text, setText] = useState(props.initial?.text ?? "");
  const [picked, setPicked] = useState<MentionPerson[]>(props.initial?.picked ?? []);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const empty = text.trim().length === 0;

  function submit() {
    if (empty || pending) return;
    startTransition(async () => {
      const outcome = await props.onSubmit(encodeMentions(text.trim(), picked));
      setResult(outcome);
      if (outcome.ok) {
        setText("");
        setPicked([]);
      }
    });
  }

  return (
    <form
      className="comment-composer"
      data-testid={props.testId}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <MentionTextarea
        value={text}
        onChange={setText}
        onPick={(person) =>
          setPicked((list) => (list.some((p) => p.id === person.id) ? list : [...list, person]))
        }
        candidates={props.candidates}
        label={props.label}
        placeholder={t("placeholder")}
        onSubmit={submit}
        autoFocus={props.autoFocus}
        testId={`${props.testId}-input`}
      />
      <ErrorMessage result={result} />
      <div className="comment-composer-actions">
        {props.onCancel && (
          <button type="button" onClick={props.onCancel} disabled={pending}>
            {t("cancel")}
          </button>
        )}
        <button type="submit" className="primary" disabled={empty || pending}>
          {pending ? t("sending") : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
