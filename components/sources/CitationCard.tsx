"use client";

import type { Editor } from "@tiptap/core";
import type { Transaction } from "@tiptap/pm/state";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { SourceCard } from "@/lib/citations/brief-citations";
import type { FormattedBibliography } from "@/lib/citations/format";
import {
  CITATION_NODE,
  citationItemKey,
  normalizeCitationItems,
  withCitationDetails,
  type CitationDetails,
  type CitationItem,
} from "@/lib/editor/citation-items";
import { collectCitations } from "@/lib/editor/citation-numbering";
import { CITATION_CARD_EVENT, type CitationCardRequest } from "./citation-view";
import { GradeBadge } from "./GradeBadge";

type Target = { pos: number; anchor: HTMLElement; pinned: boolean; keyboard: boolean };
type Draft = CitationDetails;

/** The citation node at `pos`, if it is still there. */
function citationAt(editor: Editor, pos: number): CitationItem[] | null {
  const node = editor.state.doc.nodeAt(pos);
  return node?.type.name === CITATION_NODE ? normalizeCitationItems(node.attrs.items) : null;
}

function draftsOf(items: CitationItem[]): Draft[] {
  return items.map((i) => ({
    prefix: i.prefix ?? "",
    locator: i.locator ?? "",
    suffix: i.suffix ?? "",
  }));
}

/**
 * The card of a footnote marker: for each cited item its full reference (the bibliography
 * entry in the brief's style), the source's grade (reliability + credibility) and a link to
 * the source page, or "missing source". Hover previews it; click, Enter or Space pins it
 * and, for editors, lets them change the locator, prefix and suffix or remove the citation.
 * Escape closes it.
 */
export function CitationCard({
  editor,
  workspace,
  canEdit,
  cards,
  bibliography,
  loaded,
}: {
  editor: Editor;
  workspace: string;
  canEdit: boolean;
  cards: SourceCard[];
  bibliography: FormattedBibliography;
  /** Whether the cards are known (before that, no source is called missing). */
  loaded: boolean;
}) {
  const t = useTranslations("sources.cite");
  const [target, setTarget] = useState<Target | null>(null);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [, setTick] = useState(0);
  const cardRef = useRef<HTMLDivElement>(null);
  const closeTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const dom = editor.view.dom;
    const onRequest = (event: Event) => {
      const request = (event as CustomEvent<CitationCardRequest>).detail;
      window.clearTimeout(closeTimer.current);
      if (request.mode === "leave") {
        closeTimer.current = window.setTimeout(
          () => setTarget((current) => (current && !current.pinned ? null : current)),
          250,
        );
        return;
      }
      const pinned = request.mode !== "hover";
      setTarget((current) => {
        if (current?.pinned && !pinned) return current;
        if (pinned && current?.pinned && current.pos === request.pos && request.mode === "pin") {
          return null; // a second click closes it
        }
        return {
          pos: request.pos,
          anchor: request.anchor,
          pinned,
          keyboard: request.mode === "keyboard",
        };
      });
      if (pinned) setDrafts(null);
    };
    // Keep the position on the node while co-editors type. A remote change arrives as one
    // replacement of the whole document (y-prosemirror), which "deletes" every position:
    // then follow the citation by its rank. Close if it is gone.
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged) return;
      setTarget((current) => {
        if (!current) return current;
        const mapped = transaction.mapping.mapResult(current.pos, 1);
        if (!mapped.deleted) return { ...current, pos: mapped.pos };
        const before = collectCitations(transaction.before);
        const after = collectCitations(transaction.doc);
        if (before.length !== after.length) return null;
        const rank = before.findIndex((c) => c.pos === current.pos);
        return rank < 0 ? null : { ...current, pos: after[rank]!.pos };
      });
      setTick((n) => n + 1);
    };
    dom.addEventListener(CITATION_CARD_EVENT, onRequest);
    editor.on("transaction", onTransaction);
    return () => {
      dom.removeEventListener(CITATION_CARD_EVENT, onRequest);
      editor.off("transaction", onTransaction);
      window.clearTimeout(closeTimer.current);
    };
  }, [editor]);

  const shown = target !== null;
  const pinned = target?.pinned ?? false;
  const keyboard = target?.keyboard ?? false;
  const anchor = target?.anchor;
  useEffect(() => {
    if (!shown) return;
    if (keyboard) cardRef.current?.focus();
    const close = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      setTarget(null);
      // Back to where the card was opened from.
      if (pinned && anchor?.isConnected) anchor.focus();
      else if (pinned) editor.commands.focus();
    };
    const outside = (event: MouseEvent) => {
      const node = event.target as Node | null;
      if (!pinned || !node || cardRef.current?.contains(node) || anchor?.contains(node)) return;
      setTarget(null);
    };
    window.addEventListener("keydown", close, true);
    document.addEventListener("mousedown", outside, true);
    return () => {
      window.removeEventListener("keydown", close, true);
      document.removeEventListener("mousedown", outside, true);
    };
  }, [shown, pinned, keyboard, anchor, editor]);

  if (!target) return null;
  const items = citationAt(editor, target.pos);
  if (!items || !target.anchor.isConnected) return null;
  const note = collectCitations(editor.state.doc).find((c) => c.pos === target.pos)?.note;
  const rect = target.anchor.getBoundingClientRect();
  const editing = canEdit && target.pinned;
  const current = drafts ?? draftsOf(items);

  const save = () => {
    editor.chain().focus().updateCitation(target.pos, withCitationDetails(items, current)).run();
    setDrafts(null);
    setTarget(null);
  };

  const remove = () => {
    editor.chain().focus().removeCitation(target.pos).run();
    setTarget(null);
  };

  return (
    <div
      ref={cardRef}
      className="citation-card"
      role="dialog"
      aria-label={note ? t("noteLabel", { note }) : t("pickerLabel")}
      tabIndex={-1}
      data-testid="citation-card"
      data-pinned={target.pinned ? "true" : "false"}
      style={{ position: "fixed", top: rect.bottom + 4, left: Math.max(8, rect.left - 16) }}
      onMouseEnter={() => window.clearTimeout(closeTimer.current)}
      onMouseLeave={() => {
        if (!target.pinned) setTarget(null);
      }}
    >
      {note && <p className="citation-card-note">{t("noteLabel", { note })}</p>}
      <ul>
        {items.map((item, index) => {
          const key = citationItemKey(item);
          const entry = bibliography.find((b) => b.key === key);
          const card = item.kind === "source" ? cards.find((c) => c.id === item.id) : undefined;
          const draft = current[index]!;
          const setDraft = (patch: Partial<Draft>) =>
            setDrafts(current.map((d, i) => (i === index ? { ...d, ...patch } : d)));
          return (
            <li key={`${key}-${index}`} data-testid="citation-card-item">
              {item.kind === "source" && !card ? (
                loaded ? (
                  <span className="citation-missing" data-testid="citation-card-missing">
                    {t("missingNote")}
                  </span>
                ) : (
                  <span className="muted">{t("loading")}</span>
                )
              ) : (
                <>
                  {entry ? (
                    <span
                      dir="auto"
                      className="citation-card-reference"
                      dangerouslySetInnerHTML={{ __html: entry.html }}
                    />
                  ) : (
                    <span dir="auto" className="citation-card-reference">
                      {card?.title ??
                        (item.kind === "incident"
                          ? `${item.dataset} ${item.rowId} (${item.version}), ${item.accessed}`
                          : "")}
                    </span>
                  )}
                  {card && (
                    <span className="citation-card-meta">
                      <GradeBadge reliability={card.reliability} credibility={card.credibility} />
                      <Link
                        href={`/w/${workspace}/sources/${card.id}`}
                        data-testid="citation-card-link"
                      >
                        {t("openSource")}
                      </Link>
                    </span>
                  )}
                </>
              )}
              {!editing && (item.prefix || item.locator || item.suffix) && (
                <span className="citation-card-locator muted small" dir="auto">
                  {[item.prefix, item.locator, item.suffix].filter(Boolean).join(" · ")}
                </span>
              )}
              {editing && (
                <span className="citation-card-fields">
                  <label>
                    {t("prefix")}
                    <input
                      dir="auto"
                      value={draft.prefix}
                      onChange={(e) => setDraft({ prefix: e.target.value })}
                      data-testid="citation-edit-prefix"
                    />
                  </label>
                  <label>
                    {t("locator")}
                    <input
                      dir="auto"
                      size={8}
                      value={draft.locator}
                      onChange={(e) => setDraft({ locator: e.target.value })}
                      data-testid="citation-edit-locator"
                    />
                  </label>
                  <label>
                    {t("suffix")}
                    <input
                      dir="auto"
                      value={draft.suffix}
                      onChange={(e) => setDraft({ suffix: e.target.value })}
                      data-testid="citation-edit-suffix"
                    />
                  </label>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {editing && (
        <div className="citation-card-actions">
          <button type="button" className="primary" onClick={save} data-testid="citation-edit-save">
            {t("save")}
          </button>
          <button type="button" onClick={remove} data-testid="citation-remove">
            {t("remove")}
          </button>
        </div>
      )}
    </div>
  );
}
