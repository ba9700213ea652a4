"use client";

import "@/app/sources.css";
import type { Editor } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useParams } from "next/navigation";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { formatCitationsAction } from "@/app/(workspace)/w/[workspace]/sources/actions";
import type { SourceCard } from "@/lib/citations/brief-citations";
import {
  citationStyleOfDoc,
  observeCitationStyle,
  setCitationStyleInDoc,
} from "@/lib/citations/brief-settings";
import type { FormattedCitations } from "@/lib/citations/format";
import { CITATION_STYLES, type CitationStyleId } from "@/lib/citations/style-ids";
import type { CitationItem } from "@/lib/editor/citation-items";
import { collectCitations } from "@/lib/editor/citation-numbering";
import { CitationCard } from "./CitationCard";

type Formatted = FormattedCitations & { style: CitationStyleId; cards: SourceCard[] };

/** The citations of the document in order, and a signature that changes only when they do. */
function clustersOf(editor: Editor): { clusters: CitationItem[][]; signature: string } {
  const clusters = collectCitations(editor.state.doc).map((c) => c.items);
  return { clusters, signature: JSON.stringify(clusters) };
}

/**
 * Footnotes and bibliography generated under the editor. Numbers come from the live document
 * (so they update at once, in every co-editor's view); the formatted text comes from the
 * server (citeproc) a moment later. The style lives in the brief's Yjs document (see
 * lib/citations/brief-settings.ts), so a co-editor's choice reaches everyone at once.
 */
export function CitationNotes({
  editor,
  doc,
  briefId,
  canEdit,
}: {
  editor: Editor;
  doc: Y.Doc;
  briefId: string;
  canEdit: boolean;
}) {
  const t = useTranslations("sources.cite");
  const { workspace } = useParams<{ workspace: string }>();
  const [state, setState] = useState(() => clustersOf(editor));
  const [formatted, setFormatted] = useState<{ signature: string; data: Formatted } | null>(null);
  // null until the document says (then the stored Brief.citationStyle applies).
  const [docStyle, setDocStyle] = useState<CitationStyleId | null>(() => citationStyleOfDoc(doc));

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the doc may have synced since
    setDocStyle(citationStyleOfDoc(doc));
    return observeCitationStyle(doc, setDocStyle);
  }, [doc]);

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
      const outcome = await formatCitationsAction(workspace, {
        briefId,
        clusters: state.clusters,
        style: docStyle ?? undefined,
      });
      if (cancelled || !outcome.ok) return;
      setFormatted({ signature: signatureOf(state.signature, docStyle), data: outcome.data });
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [state, briefId, workspace, docStyle]);

  const data = formatted?.data;
  const stale = formatted?.signature !== signatureOf(state.signature, docStyle);
  const style = docStyle ?? data?.style ?? "chicago-note-bibliography";
  const notes = state.clusters.map((items, index) => {
    const note = index + 1;
    const fresh = !stale ? data?.notes[index] : undefined;
    return { note, items, fresh };
  });

  return (
    <section className="citation-notes" data-testid="citation-notes" aria-busy={stale}>
      <div className="citation-notes-head">
        <h2>{t("notes")}</h2>
        <label>
          <span className="visually-hidden">{t("style")}</span>
          <select
            aria-label={t("style")}
            data-testid="citation-style"
            data-style={style}
            value={style}
            disabled={!canEdit}
            onChange={(event) => setCitationStyleInDoc(doc, event.target.value)}
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
          <ul
            className="bibliography"
            data-testid="bibliography"
            data-style={stale ? "" : data.style}
          >
            {data.bibliography.map((entry) => (
              <li key={entry.key} dir="auto" dangerouslySetInnerHTML={{ __html: entry.html }} />
            ))}
          </ul>
        </>
      )}
      <CitationCard
        editor={editor}
        workspace={workspace}
        canEdit={canEdit}
        cards={data?.cards ?? []}
        bibliography={data?.bibliography ?? []}
        loaded={Boolean(data) && !stale}
      />
    </section>
  );
}

/** What a formatting result was computed for: the citations and the document's style. */
function signatureOf(clusters: string, style: CitationStyleId | null): string {
  return `${style ?? ""}|${clusters}`;
}
