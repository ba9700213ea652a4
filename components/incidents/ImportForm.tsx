"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ImportEvent } from "@/lib/incidents/import/import-request";
import type { ImportSummary } from "@/lib/incidents/import/commit-import";
import { errorReportCsv } from "@/lib/incidents/csv/write-csv";

type Progress = { phase: "uploading" | "reading" | "writing"; done: number; total: number } | null;

/**
 * Upload → dry-run preview (counts, first errors) → commit. The file goes up as the request
 * body (XHR, for upload progress); the server parses it as it arrives, then answers NDJSON
 * progress events while it writes rows, then the result.
 */
export function ImportForm({ workspaceSlug, today }: { workspaceSlug: string; today: string }) {
  const t = useTranslations("incidents.import");
  const te = useTranslations("errors");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [dataset, setDataset] = useState<"UCDP_GED" | "ACLED">("UCDP_GED");
  const [version, setVersion] = useState("");
  const [accessDate, setAccessDate] = useState(today);
  const [skipRejected, setSkipRejected] = useState(false);
  const [progress, setProgress] = useState<Progress>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [committed, setCommitted] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  function chooseFile(next: File | null) {
    setFile(next);
    setPreview(null);
    setCommitted(null);
    setError(null);
    const guess = next?.name.match(/(\d+\.\d+(?:\.\d+)?)/)?.[1];
    if (guess) setVersion(guess);
    if (next && /acled/i.test(next.name)) setDataset("ACLED");
    if (next && /ucdp|ged/i.test(next.name)) setDataset("UCDP_GED");
  }

  function send(mode: "preview" | "commit") {
    if (!file) return;
    setError(null);
    const query = new URLSearchParams({
      dataset,
      mode,
      fileName: file.name,
      version,
      accessDate,
      skipRejected: skipRejected ? "1" : "0",
    });
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/incidents/${encodeURIComponent(workspaceSlug)}/import?${query}`);
    xhr.setRequestHeader("Content-Type", "text/csv");
    let seen = 0;
    const handleLines = () => {
      // Refusals (permission, size, a wrong header) come before the stream, as one JSON error.
      if (xhr.status >= 400) return;
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n");
      if (end < seen) return;
      for (const line of text.slice(seen, end).split("\n")) {
        if (!line.trim()) continue;
        const event = JSON.parse(line) as ImportEvent;
        if (event.type === "progress")
          setProgress({
            phase: event.phase,
            done: event.rows,
            total: (preview?.inserted ?? 0) + (preview?.updated ?? 0),
          });
        else if (event.type === "error") setError(te(event.code as "unexpected", event.values));
        else if (mode === "preview") setPreview(event.summary);
        else {
          setCommitted(event.summary);
          router.refresh();
        }
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) =>
      setProgress({ phase: "uploading", done: e.loaded, total: e.total || file.size });
    // The server parses as the file arrives and answers once it has checked every row.
    xhr.upload.onload = () => setProgress({ phase: "reading", done: file.size, total: file.size });
    xhr.onprogress = handleLines;
    xhr.onload = () => {
      handleLines();
      setProgress(null);
      if (xhr.status >= 400) setError(refusal(xhr.responseText));
    };
    xhr.onerror = () => {
      setProgress(null);
      setError(te("unexpected"));
    };
    setProgress({ phase: "uploading", done: 0, total: file.size });
    xhr.send(file);
  }

  /** The translated message of a JSON refusal ({ error: { code, values } }). */
  function refusal(body: string): string {
    try {
      const { error } = JSON.parse(body) as {
        error?: { code?: string; values?: Record<string, string | number> };
      };
      if (error?.code) return te(error.code as "unexpected", error.values);
    } catch {
      // Not JSON (a proxy's error page): the generic message below.
    }
    return te("unexpected");
  }

  function downloadErrors(summary: ImportSummary) {
    const blob = new Blob([errorReportCsv(summary.errors)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `${file?.name.replace(/\.csv$/i, "") ?? "import"}-errors.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  const busy = progress !== null;
  const summary = committed ?? preview;
  return (
    <div className="stack-lg" data-testid="import-form">
      <form
        className="card incident-import-form"
        onSubmit={(e) => {
          e.preventDefault();
          send("preview");
        }}
      >
        {" "}
        <label className="incident-field">
          <span>{t("dataset")}</span>
          <select
            name="dataset"
            value={dataset}
            onChange={(e) => setDataset(e.target.value as "UCDP_GED" | "ACLED")}
          >
            <option value="UCDP_GED">UCDP GED</option>
            <option value="ACLED">ACLED</option>
          </select>
        </label>
        <label className="incident-field">
          <span>{t("file")}</span>
          <input
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
          />{" "}
        </label>
        <label className="incident-field">
          <span>{t("version")}</span>
          <input
            name="version"
            value={version}
            maxLength={40}
            onChange={(e) => setVersion(e.target.value)}
          />{" "}
        </label>
        <label className="incident-field">
          <span>{t("accessDate")}</span>
          <input
            name="accessDate"
            type="date"
            value={accessDate}
            required
            onChange={(e) => setAccessDate(e.target.value)}
          />{" "}
        </label>
        <button type="submit" disabled={!file || busy} data-testid="import-preview">
          {t("preview")}
        </button>
      </form>

      {progress && (
        <div className="incident-progress" role="status" data-testid="import-progress">
          <span>{t(`phase.${progress.phase}`)}</span>
          <progress
            max={Math.max(1, progress.total)}
            value={Math.min(progress.done, progress.total)}
          />{" "}
        </div>
      )}
      {error && (
        <p className="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}

      {summary && (
        <section
          className="card stack"
          data-testid={committed ? "import-result" : "import-preview-result"}
        >
          <h2>{committed ? t("committedTitle") : t("previewTitle")}</h2>
          <dl className="incident-counts">
            <dt>{t("counts.rows")}</dt>
            <dd data-testid="count-rows">{summary.totalRows}</dd>
            <dt>{t("counts.inserted")}</dt>
            <dd data-testid="count-inserted">{summary.inserted}</dd>
            <dt>{t("counts.updated")}</dt>
            <dd data-testid="count-updated">{summary.updated}</dd>
            <dt>{t("counts.unchanged")}</dt>
            <dd data-testid="count-unchanged">{summary.unchanged}</dd>
            <dt>{t("counts.removed")}</dt>
            <dd data-testid="count-removed">{summary.removed}</dd>
            <dt>{t("counts.rejected")}</dt>
            <dd data-testid="count-rejected">{summary.rejected}</dd>
          </dl>
          {summary.encoding !== "utf-8" && <p className="banner">{t("latin1")}</p>}
          {summary.errors.length > 0 && (
            <>
              <table className="table" data-testid="import-errors">
                <thead>
                  <tr>
                    <th scope="col">{t("errors.line")}</th>
                    <th scope="col">{t("errors.column")}</th>
                    <th scope="col">{t("errors.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.errors.slice(0, 20).map((e, i) => (
                    <tr key={i}>
                      <td>{e.line}</td>
                      <td>
                        <bdi>{e.column ?? "—"}</bdi>
                      </td>
                      <td dir="ltr">{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button
                type="button"
                onClick={() => downloadErrors(summary)}
                data-testid="download-errors"
              >
                {t("downloadErrors")}
              </button>
            </>
          )}
          {!committed && (
            <div className="inline-form">
              {summary.rejected > 0 && (
                <label>
                  <input
                    type="checkbox"
                    checked={skipRejected}
                    onChange={(e) => setSkipRejected(e.target.checked)}
                  />{" "}
                  {t("skipRejected", { count: summary.rejected })}
                </label>
              )}
              <button
                type="button"
                className="primary"
                disabled={
                  busy ||
                  summary.inserted + summary.updated === 0 ||
                  (summary.rejected > 0 && !skipRejected)
                }
                onClick={() => send("commit")}
                data-testid="import-commit"
              >
                {" "}
                {t("commit", { count: summary.inserted + summary.updated })}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
