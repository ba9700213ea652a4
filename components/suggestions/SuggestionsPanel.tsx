"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRef, type KeyboardEvent } from "react";
import { directionOf } from "@/lib/i18n/config";
import {
  collectSuggestions,
  MALFORMED,
  summarize,
  type Suggestion,
} from "@/lib/suggestions/collect";
import {
  acceptAllSuggestions,
  acceptSuggestion,
  rejectAllSuggestions,
  rejectSuggestion,
  selectSuggestionText,
} from "@/lib/suggestions/commands";
import type { Command } from "@tiptap/pm/state";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import { suggestionColor } from "./suggestion-colors";

type Props = {
  editor: Editor;
  briefId: string;
  userId: string;
  /** Accept and reject: for those who may edit the brief. */
  canDecide: boolean;
};

/**
 * A card per pending suggestion, in document order: what it does in the UI language, who
 * suggested it when, Accept / Reject (Withdraw on one's own). Each decision is one undo
 * step. ↑/↓ move between cards, Enter shows the suggestion in the text.
 */
export function SuggestionsPanel({ editor, briefId, userId, canDecide }: Props) {
  const t = useTranslations("suggestions");
  const locale = useLocale();
  const format = useFormatter();
  const list = useRef<HTMLOListElement>(null);
  const suggestions = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? collectSuggestions(e.state.doc) : []),
  });

  // Each decision is its own undo step: Yjs's undo manager would otherwise merge changes
  // made within half a second (two quick clicks, or typing just before).
  const stopCapturing = () =>
    (
      yUndoPluginKey.getState(editor.state) as
        { undoManager?: { stopCapturing(): void } } | undefined
    )?.undoManager?.stopCapturing();
  const run = (command: Command) => {
    stopCapturing();
    try {
      command(editor.state, editor.view.dispatch);
    } catch (error) {
      // A suggestion a hostile client shaped oddly must not break the panel.
      console.error("[suggestions] could not apply the decision", error);
    }
    stopCapturing();
    editor.commands.focus();
  };
  const show = (s: Suggestion) => {
    selectSuggestionText(s.id)(editor.state, editor.view.dispatch);
    editor.commands.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const cards = [
      ...(list.current?.querySelectorAll<HTMLElement>("[data-suggestion-card]") ?? []),
    ];
    const index = cards.findIndex((card) => card.contains(document.activeElement));
    const next = cards[index + (event.key === "ArrowDown" ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <section
      className="suggestions-panel"
      aria-labelledby="suggestions-title"
      dir={directionOf(locale)}
      lang={locale}
      data-testid="suggestions-panel"
    >
      <header className="suggestions-head">
        <h2 id="suggestions-title">{t("panel")}</h2>
        <span className="muted" data-testid="suggestions-count">
          {t("count", { count: suggestions.length })}
        </span>
      </header>
      {canDecide && (
        <a href={`/api/briefs/${briefId}/draft-docx`} className="small" data-testid="draft-docx">
          {t("draftDocx")}
        </a>
      )}
      {suggestions.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <>
          {canDecide && (
            <div className="toolbar" role="group">
              <button
                type="button"
                onClick={() => run(acceptAllSuggestions)}
                data-testid="accept-all"
              >
                {t("acceptAll")}
              </button>
              <button
                type="button"
                onClick={() => run(rejectAllSuggestions)}
                data-testid="reject-all"
              >
                {t("rejectAll")}
              </button>
            </div>
          )}
          <p className="muted small">{t("navigationHint")}</p>
          <ol className="suggestion-cards" ref={list} onKeyDown={onKeyDown}>
            {suggestions.map((s) => {
              const summary = summarize(s);
              const own = s.author === userId;
              return (
                <li
                  key={s.id}
                  className="suggestion-card"
                  tabIndex={0}
                  data-suggestion-card={s.id}
                  data-testid="suggestion-card"
                  style={{ borderInlineStartColor: suggestionColor(s.author) }}
                  onKeyDown={(event) => {
                    if (event.key === "Enter" && event.target === event.currentTarget) show(s);
                  }}
                >
                  <button type="button" className="link suggestion-summary" onClick={() => show(s)}>
                    <bdi data-testid="suggestion-summary">
                      {t(`summary.${summary.kind}`, {
                        inserted: summary.inserted,
                        deleted: summary.deleted,
                      })}
                    </bdi>
                  </button>
                  <p className="muted small">
                    <bdi>{s.authorName || t("unknownAuthor")}</bdi>
                    {s.at && (
                      <>
                        {" · "}
                        <time dateTime={s.at}>
                          {format.dateTime(new Date(s.at), {
                            dateStyle: "medium",
                            timeStyle: "short",
                          })}
                        </time>
                      </>
                    )}
                  </p>
                  {s.id !== MALFORMED && (canDecide || own) && (
                    <div className="toolbar" role="group">
                      {canDecide && (
                        <button
                          type="button"
                          onClick={() => run(acceptSuggestion(s.id))}
                          data-testid="accept"
                        >
                          {t("accept")}
                        </button>
                      )}
                      <button
                        type="button"
                        onClick={() => run(rejectSuggestion(s.id))}
                        data-testid="reject"
                      >
                        {own ? t("withdraw") : t("reject")}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
