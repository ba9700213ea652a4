"use client";

import "@/app/sources.css";
import type { Editor } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useParams } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import {
  formatCitationsAction,
  setCitationStyleAction,
} from "@/app/(workspace)/w/[workspace]/sources/actions";
import type { SourceCard } from "@/lib/citations/brief-citations";
import type { FormattedCitations } from "@/lib/citations/format";
import { CITATION_STYLES, type CitationStyleId } from "@/lib/citations/style-ids";
import { citationItemKey, collectCitations, type CitationItem } from "@/lib/editor/citation";
import { citationCards, missingKeys } from "./citation-view";

type Formatted = FormattedCitations & { style: CitationStyleId; cards: SourceCard[] };

/** The citations of the document in order, and a signature that changes only when they do. */
function clustersOf(editor: Editor): { clusters: CitationItem[][]; signature: string } {
  const clusters = collectCitations(editor.state.doc).map((c) => c.items);
  return { clusters, signature: JSON.stringify(clusters) };
}

/**
 * Footnotes and bibliography generated under the editor. Numbers come from the live document
 * (so they update at once, in every co-editor's view); the formatted text comes from the
 * server (citeproc, the brief's style) a moment later.
 */
export function CitationNotes({
  editor,
  briefId,
  canEdit,
}: {
  editor: Editor;
  briefId: string;
  canEdit: boolean;
}) {
  const t = useTranslations("sources.cite");
  const { workspace } = useParams<{ workspace: string }>();
  const [state, setState] = useState(() => clustersOf(editor));
  const [formatted, setFormatted] = useState<{ signature: string; data: Formatted } | null>(null);
  const [styleVersion, setStyleVersion] = useState(0);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const onUpdate = () =>
      setState((current) => {
        const next = clustersOf(editor);
        return next.signature === current.signature ? current : next;
      });
    editor.on("update", onUpdate);
    editor.on("create", onUpdate);
    onUpdate();
    return () => {
      editor.off("update", onUpdate);
      editor.off("create", onUpdate);
    };
  }, [editor]);

  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      const outcome = await formatCitationsAction(workspace, { briefId, clusters: state.clusters });
      if (cancelled || !outcome.ok) return;
      const cardKeys = new Set<string>();
      for (const card of outcome.data.cards) {
        citationCards.set(
          `source:${card.id}`,
          `${card.title}${card.containerTitle ? ` — ${card.containerTitle}` : ""}${card.issued ? `, ${card.issued}` : ""} (${card.reliability}${card.credibility})`,
        );
        cardKeys.add(`source:${card.id}`);
      }
      for (const item of state.clusters.flat()) {
        const key = citationItemKey(item);
        if (item.kind === "source" && !cardKeys.has(key)) missingKeys.add(key);
        else missingKeys.delete(key);
      }
      setFormatted({ signature: state.signature, data: outcome.data });
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [state, briefId, workspace, styleVersion]);

  const data = formatted?.data;
  const stale = formatted?.signature !== state.signature;
  const notes = state.clusters.map((items, index) => {
    const note = index + 1;
    const fresh = !stale ? data?.notes[index] : undefined;
    return { note, items, fresh };
  });

  return (
    <section className="citation-notes" data-testid="citation-notes" aria-busy={stale || pending}>
      <div className="citation-notes-head">
        <h2>{t("notes")}</h2>
        <label>
          <span className="visually-hidden">{t("style")}</span>
          <select
            aria-label={t("style")}
            data-testid="citation-style"
            value={data?.style ?? "chicago-note-bibliography"}
            disabled={!canEdit || pending}
            onChange={(event) => {
              const style = event.target.value;
              startTransition(async () => {
                const outcome = await setCitationStyleAction(workspace, { briefId, style });
                if (outcome.ok) setStyleVersion((v) => v + 1);
              });
            }}
          >
            {CITATION_STYLES.map((style) => (
              <option key={style} value={style}>
                {t(`styles.${style}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">{t("generated")}</p>
      {notes.length === 0 ? (
        <p className="muted">{t("noCitations")}</p>
      ) : (
        <ol className="footnotes" data-testid="footnotes">
          {notes.map(({ note, fresh }) => (
            <li key={note} id={`note-${note}`} value={note} data-testid="footnote" data-note={note}>
              {fresh ? (
                <>
                  {fresh.html && (
                    <span dir="auto" dangerouslySetInnerHTML={{ __html: fresh.html }} />
                  )}
                  {fresh.missing > 0 && (
                    <span className="citation-missing" data-testid="missing-source">
                      {fresh.html ? " " : ""}[{t("missing")}]
                    </span>
                  )}
                </>
              ) : (
                <span className="muted">{t("loading")}</span>
              )}
            </li>
          ))}
        </ol>
      )}
      {data && data.bibliography.length > 0 && (
        <>
          <h2>{t("bibliography")}</h2>
          <ul className="bibliography" data-testid="bibliography">
            {data.bibliography.map((entry) => (
              <li key={entry.key} dir="auto" dangerouslySetInnerHTML={{ __html: entry.html }} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
