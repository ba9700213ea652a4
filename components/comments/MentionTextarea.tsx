"use client";

import { useTranslations } from "next-intl";
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { mentionQueryAt, type MentionPerson } from "@/lib/comments/mention-text";
import { COMMENT_BODY_MAX } from "@/lib/comments/schema";

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** People picked with @ so far; the composer turns their "@Name" into tokens on submit. */
  onPick: (person: MentionPerson) => void;
  candidates: MentionPerson[];
  label: string;
  placeholder: string;
  /** Mod-Enter submits, like most comment boxes. */
  onSubmit: () => void;
  autoFocus?: boolean;
  testId?: string;
};

const SHOWN = 8;

/**
 * A textarea with an @ member picker: typing "@" and part of a name opens a listbox of
 * workspace members (arrow keys, Enter/Tab to pick, Escape to close), which inserts "@Name ".
 */
export function MentionTextarea(props: Props) {
  const t = useTranslations("comments");
  const listId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ query: string; start: number } | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  // Where the caret goes once the picked name is in the textarea. It is placed in the same
  // commit as the new value, so a key typed right after picking lands after the name.
  const caretAfterPick = useRef<number | null>(null);

  useLayoutEffect(() => {
    const at = caretAfterPick.current;
    if (at === null || !area.current) return;
    caretAfterPick.current = null;
    area.current.focus();
    area.current.setSelectionRange(at, at);
  }, [props.value]);

  const matches = query
    ? props.candidates
        .filter((p) => p.name.toLocaleLowerCase().includes(query.query.toLocaleLowerCase()))
        .slice(0, SHOWN)
    : [];
  const open = query !== null && matches.length > 0;

  function track(value: string, caret: number) {
    setQuery(mentionQueryAt(value, caret));
    setHighlighted(0);
  }

  function pick(person: MentionPerson) {
    if (!query) return;
    const caret = area.current?.selectionStart ?? props.value.length;
    const inserted = `@${person.name} `;
    const next = props.value.slice(0, query.start) + inserted + props.value.slice(caret);
    props.onChange(next);
    props.onPick(person);
    setQuery(null);
    caretAfterPick.current = query.start + inserted.length;
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setHighlighted((i) => (i + step + matches.length) % matches.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        pick(matches[highlighted] ?? matches[0]!);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      props.onSubmit();
    }
  }

  return (
    <div className="mention-field">
      <textarea
        ref={area}
        value={props.value}
        aria-label={props.label}
        placeholder={props.placeholder}
        maxLength={COMMENT_BODY_MAX}
        rows={3}
        dir="auto"
        autoFocus={props.autoFocus}
        data-testid={props.testId}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${highlighted}` : undefined}
        onChange={(event) => {
          props.onChange(event.target.value);
          track(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      {open && (
        <ul id={listId} role="listbox" className="mention-list" aria-label={t("mentionList")}>
          {matches.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === highlighted}
              className={index === highlighted ? "is-highlighted" : undefined}
              data-testid="mention-option"
              dir="auto"
              // mousedown, not click: the textarea's blur would close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
            >
              {person.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
