"use client";

import type { Editor } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { pickerSourcesAction } from "@/app/(workspace)/w/[workspace]/sources/actions";
import type { PickerSource } from "@/lib/citations/brief-citations";
import { CITE_EVENT } from "./citation-view";
import { GradeBadge } from "./GradeBadge";

type Open =
  | { mode: "inline"; query: string; from: number; to: number; top: number; left: number }
  | { mode: "dialog"; query: string; top: number; left: number };

/** "[@query" right before the caret, if any. */
function inlineQuery(editor: Editor) {
  const { $from, empty } = editor.state.selection;
  if (!empty || !$from.parent.isTextblock) return null;
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc");
  const match = /\[@([^\]\n\ufffc]{0,60})$/u.exec(before);
  if (!match) return null;
  return { query: match[1] ?? "", from: $from.pos - match[0].length, to: $from.pos };
}

/**
 * Searchable source picker: typing "[@" in the text, the toolbar's cite button or
 * Mod-Shift-C open it; it lists title, outlet, date and grade; Enter or a click inserts.
 */
export function CitationPicker({ editor }: { editor: Editor }) {
  const t = useTranslations("sources");
  const { workspace } = useParams<{ workspace: string }>();
  const [open, setOpen] = useState<Open | null>(null);
  const [results, setResults] = useState<PickerSource[]>([]);
  const [active, setActive] = useState(0);
  const [locator, setLocator] = useState("");
  const [prefix, setPrefix] = useState("");
  const [suffix, setSuffix] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);
  const query = open?.query ?? null;

  useEffect(() => {
    if (query === null) return;
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      const outcome = await pickerSourcesAction(workspace, query);
      if (!cancelled && outcome.ok) {
        setResults(outcome.data);
        setActive(0);
      }
    }, 150);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query, workspace]);

  useEffect(() => {
    const onTransaction = () => {
      const found = editor.isEditable ? inlineQuery(editor) : null;
      setOpen((current) => {
        if (current?.mode === "dialog") return current;
        if (!found) return null;
        const coords = editor.view.coordsAtPos(found.to);
        return { mode: "inline", ...found, top: coords.bottom, left: coords.left };
      });
    };
    const onCite = () => {
      const coords = editor.view.coordsAtPos(editor.state.selection.from);
      setLocator("");
      setPrefix("");
      setSuffix("");
      setOpen({ mode: "dialog", query: "", top: coords.bottom, left: coords.left });
      window.setTimeout(() => searchRef.current?.focus(), 0);
    };
    const dom = editor.view.dom;
    editor.on("transaction", onTransaction);
    dom.addEventListener(CITE_EVENT, onCite);
    return () => {
      editor.off("transaction", onTransaction);
      dom.removeEventListener(CITE_EVENT, onCite);
    };
  }, [editor]);

  const choose = useCallback(
    (source: PickerSource | undefined) => {
      if (!source || !open) return;
      const item = {
        kind: "source" as const,
        id: source.id,
        ...(locator.trim() ? { locator: locator.trim(), label: "page" as const } : {}),
        ...(prefix.trim() ? { prefix: prefix.trim() } : {}),
        ...(suffix.trim() ? { suffix: suffix.trim() } : {}),
      };
      const chain = editor.chain().focus();
      if (open.mode === "inline") chain.deleteRange({ from: open.from, to: open.to });
      chain.insertCitation([item]).run();
      setOpen(null);
      setLocator("");
      setPrefix("");
      setSuffix("");
    },
    [editor, open, locator, prefix, suffix],
  );

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      const inPicker = open.mode === "dialog" || editor.view.hasFocus();
      if (!inPicker) return;
      if (event.key === "Escape") {
        setOpen(null);
        editor.commands.focus();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((a) => (a + step + results.length) % Math.max(results.length, 1));
      } else if (event.key === "Enter" && results[active]) {
        choose(results[active]);
      } else return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [open, results, active, choose, editor]);

  if (!open) return null;
  return (
    <div
      className="citation-picker"
      role="dialog"
      aria-label={t("cite.pickerLabel")}
      data-testid="citation-picker"
      style={{ position: "fixed", top: open.top + 4, left: open.left }}
    >
      {open.mode === "dialog" && (
        <input
          ref={searchRef}
          type="search"
          dir="auto"
          placeholder={t("cite.search")}
          aria-label={t("cite.search")}
          data-testid="citation-search"
          value={open.query}
          onChange={(e) => setOpen({ ...open, query: e.target.value })}
        />
      )}
      <ul role="listbox">
        {results.length === 0 && <li className="muted">{t("cite.none")}</li>}
        {results.map((source, index) => (
          <li
            key={source.id}
            role="option"
            aria-selected={index === active}
            data-testid="citation-option"
            onMouseDown={(event) => {
              event.preventDefault();
              choose(source);
            }}
          >
            <bdi className="picker-title" lang={source.language ?? undefined}>
              {source.title}
            </bdi>
            <span className="picker-meta">
              {[source.containerTitle ?? source.publisher, source.issued]
                .filter(Boolean)
                .join(" · ")}{" "}
              <GradeBadge reliability={source.reliability} credibility={source.credibility} />
            </span>
          </li>
        ))}
      </ul>
      <div className="picker-fields">
        <label>
          {t("cite.prefix")}
          <input
            dir="auto"
            value={prefix}
            onChange={(e) => setPrefix(e.target.value)}
            size={10}
            placeholder={t("cite.prefixHint")}
            data-testid="citation-prefix"
          />
        </label>
        <label>
          {t("cite.locator")}
          <input
            value={locator}
            onChange={(e) => setLocator(e.target.value)}
            size={8}
            data-testid="citation-locator"
          />
        </label>
        <label>
          {t("cite.suffix")}
          <input
            dir="auto"
            value={suffix}
            onChange={(e) => setSuffix(e.target.value)}
            size={10}
            data-testid="citation-suffix"
          />
        </label>
      </div>
    </div>
  );
}
