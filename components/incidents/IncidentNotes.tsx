"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  addIncidentNoteAction,
  deleteIncidentNoteAction,
} from "@/app/(workspace)/w/[workspace]/incidents/actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";

type Note = { id: string; body: string; createdAt: Date; author: { name: string | null } };

/** Analyst notes on a row (imported or in-house); editors add and remove them. */
export function IncidentNotes({
  workspaceSlug,
  incidentId,
  notes,
  canWrite,
}: {
  workspaceSlug: string;
  incidentId: string;
  notes: Note[];
  canWrite: boolean;
}) {
  const t = useTranslations("incidents.detail");
  const format = useFormatter();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [body, setBody] = useState("");
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    startTransition(async () => {
      const outcome = await work();
      setResult(outcome);
      if (outcome.ok) {
        after?.();
        router.refresh();
      }
    });
  return (
    <section className="card stack" aria-labelledby="incident-notes-title">
      <h2 id="incident-notes-title">{t("notes")}</h2>
      {notes.length === 0 ? (
        <p className="muted">{t("noNotes")}</p>
      ) : (
        <ul className="plain-list incident-notes" data-testid="incident-notes">
          {notes.map((n) => (
            <li key={n.id} data-testid="incident-note">
              <p dir="auto" className="incident-note-body">
                {n.body}
              </p>
              <p className="muted">
                <bdi>{n.author.name}</bdi> ·{" "}
                {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                {canWrite && (
                  <>
                    {" "}
                    <button
                      type="button"
                      className="link-button"
                      disabled={pending}
                      onClick={() =>
                        run(() =>
                          deleteIncidentNoteAction(workspaceSlug, { incidentId, noteId: n.id }),
                        )
                      }
                    >
                      {t("deleteNote")}
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            run(
              () => addIncidentNoteAction(workspaceSlug, { incidentId, body }),
              () => setBody(""),
            );
          }}
        >
          <label className="incident-field">
            <span>{t("addNote")}</span>
            <textarea
              name="note"
              dir="auto"
              rows={3}
              maxLength={5000}
              required
              value={body}
              onChange={(e) => setBody(e.target.value)}
              data-testid="incident-note-input"
            />
          </label>
          <button
            type="submit"
            className="primary"
            disabled={pending || !body.trim()}
            data-testid="incident-note-save"
          >
            {t("saveNote")}
          </button>
        </form>
      )}
      <ErrorMessage result={result} />
    </section>
  );
}
