"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { ImportReport } from "@/lib/sources/import-sources";

const MAX_BYTES = 5 * 1024 * 1024;

/** Reads an export, previews what would be imported (new / duplicate / error per entry), then imports. */
export function ImportForm({ workspaceSlug }: { workspaceSlug: string }) {
  const t = useTranslations("sources.importPage");
  const te = useTranslations("errors");
  const tf = useTranslations("sources.form");
  const router = useRouter();
  const [text, setText] = useState("");
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"preview" | "commit" | null>(null);

  async function send(commit: boolean) {
    setError(null);
    setBusy(commit ? "commit" : "preview");
    try {
      const response = await fetch(
        `/api/sources/${encodeURIComponent(workspaceSlug)}/import?commit=${commit ? 1 : 0}`,
        {
          method: "POST",
          body: text,
          headers: { "Content-Type": "text/plain; charset=utf-8" },
        },
      );
      const result = (await response.json()) as ActionResult<ImportReport>;
      if (!result.ok) {
        setReport(null);
        setError(te(result.error.code, result.error.values));
        return;
      }
      setReport(result.data);
      if (commit) {
        setDone(result.data.created);
        router.refresh();
      }
    } catch {
      setError(te("unexpected"));
    } finally {
      setBusy(null);
    }
  }

  async function onFile(file: File | undefined) {
    setReport(null);
    setDone(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setText("");
      setError(t("tooLarge"));
      return;
    }
    setError(null);
    setText(await file.text());
  }

  const counts = { new: 0, duplicate: 0, error: 0 };
  for (const entry of report?.entries ?? []) counts[entry.status] += 1;

  return (
    <div className="stack" data-testid="import-form">
      <label>
        {t("file")}
        <input
          type="file"
          name="file"
          accept=".json,.bib,.ris,.txt,application/json"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </label>
      <label>
        {t("paste")}
        <textarea
          name="content"
          rows={6}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setReport(null);
            setDone(null);
          }}
          spellCheck={false}
          dir="ltr"
        />
      </label>
      <div className="actions">
        <button
          type="button"
          disabled={!text || busy !== null}
          onClick={() => void send(false)}
          data-testid="import-preview"
        >
          {busy === "preview" ? t("previewing") : t("preview")}
        </button>
        {report && done === null && (
          <button
            type="button"
            className="primary"
            disabled={counts.new === 0 || busy !== null}
            onClick={() => void send(true)}
            data-testid="import-commit"
          >
            {busy === "commit" ? t("committing") : t("commit", { count: counts.new })}
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert" data-testid="form-error">
          {error}
        </p>
      )}
      {done !== null && (
        <p className="banner success" role="status" data-testid="import-done">
          {t("done", { count: done })} <Link href={`/w/${workspaceSlug}/sources`}>→</Link>
        </p>
      )}
      {report && (
        <section data-testid="import-report">
          <p>
            {t("format", { format: report.format })} — {t("summary", counts)}
          </p>
          <ol className="import-report">
            {report.entries.map((entry) => (
              <li
                key={entry.index}
                className={`import-${entry.status}`}
                data-testid="import-entry"
                data-status={entry.status}
              >
                <span className={`badge import-badge-${entry.status}`}>
                  {entry.status === "new"
                    ? t("statusNew")
                    : entry.status === "duplicate"
                      ? t("statusDuplicate")
                      : t("statusError")}
                </span>{" "}
                <bdi>{entry.title ?? (entry.label || t("entry", { n: entry.index + 1 }))}</bdi>
                {entry.duplicateOf && (
                  <span className="muted">
                    {" — "}
                    {entry.duplicateOf.id ? (
                      <Link href={`/w/${workspaceSlug}/sources/${entry.duplicateOf.id}`}>
                        {t("duplicateOf", { title: entry.duplicateOf.title })}
                      </Link>
                    ) : (
                      t("duplicateOf", { title: entry.duplicateOf.title })
                    )}
                  </span>
                )}
                {entry.code && (
                  <span className="error">
                    {" — "}
                    {entry.field
                      ? t("errorField", {
                          message: te(entry.code as "validation", { max: 1000 }),
                          field: tf.has(entry.field as "title")
                            ? tf(entry.field as "title")
                            : entry.field,
                        })
                      : te(entry.code as "validation", { max: 1000 })}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
