"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  createSourceAction,
  updateSourceAction,
} from "@/app/(workspace)/w/[workspace]/sources/actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import {
  CREDIBILITY,
  LANGUAGES,
  RELIABILITY,
  SOURCE_TYPES,
  type SourceInput,
} from "@/lib/sources/schema";

type Author = { kind: "person"; family: string; given: string } | { kind: "org"; literal: string };
export type SourceFormValues = Omit<SourceInput, "authors"> & { authors?: unknown };

function toAuthors(value: unknown): Author[] {
  if (!Array.isArray(value)) return [];
  return value.map((a: { literal?: string; family?: string; given?: string }) =>
    a.literal !== undefined
      ? { kind: "org", literal: a.literal }
      : { kind: "person", family: a.family ?? "", given: a.given ?? "" },
  );
}

/** Create (no sourceId) or edit a source. Validation happens on the server, in the user's language. */
export function SourceForm({
  workspaceSlug,
  sourceId,
  initial,
}: {
  workspaceSlug: string;
  sourceId?: string;
  initial?: SourceFormValues;
}) {
  const t = useTranslations("sources");
  const router = useRouter();
  const [authors, setAuthors] = useState<Author[]>(toAuthors(initial?.authors));
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (name: string) => String(form.get(name) ?? "");
    const source: SourceInput = {
      type: get("type"),
      title: get("title"),
      titleTranslated: get("titleTranslated"),
      authors: authors
        .map((a) =>
          a.kind === "org"
            ? { literal: a.literal.trim() }
            : { family: a.family.trim(), ...(a.given.trim() ? { given: a.given.trim() } : {}) },
        )
        .filter((a) => ("literal" in a ? a.literal : a.family)),
      issued: get("issued"),
      accessed: get("accessed"),
      containerTitle: get("containerTitle"),
      publisher: get("publisher"),
      publisherPlace: get("publisherPlace"),
      url: get("url"),
      doi: get("doi"),
      language: get("language"),
      archive: get("archive"),
      archiveLocation: get("archiveLocation"),
      note: get("note"),
      reliability: get("reliability") as SourceInput["reliability"],
      credibility: Number(get("credibility")),
      tags: get("tags").split(","),
    };
    startTransition(async () => {
      const outcome = sourceId
        ? await updateSourceAction(workspaceSlug, { sourceId, source })
        : await createSourceAction(workspaceSlug, source);
      setResult(outcome);
      if (outcome.ok) {
        router.push(`/w/${workspaceSlug}/sources/${outcome.data.id}`);
        router.refresh();
      }
    });
  }

  const field = result && !result.ok ? String(result.error.values.field ?? "") : "";
  const duplicateId =
    result && !result.ok && result.error.code === "sourceDuplicate"
      ? String(result.error.values.id ?? "")
      : "";
  const text = (
    name: keyof SourceInput,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <label className={field === name ? "invalid" : undefined}>
      {t(`form.${name}` as "form.title")}
      <input
        name={name}
        defaultValue={(initial?.[name] as string | null | undefined) ?? ""}
        dir="auto"
        aria-invalid={field === name || undefined}
        {...props}
      />
    </label>
  );

  return (
    <form onSubmit={onSubmit} className="source-form" noValidate data-testid="source-form">
      <div className="source-form-grid">
        <label>
          {t("form.type")}
          <select name="type" defaultValue={initial?.type ?? "report"}>
            {SOURCE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
            {initial?.type && !(SOURCE_TYPES as readonly string[]).includes(initial.type) && (
              <option value={initial.type}>{t("types.other", { type: initial.type })}</option>
            )}
          </select>
        </label>
        <label>
          {t("form.language")}
          <select name="language" defaultValue={initial?.language ?? ""}>
            <option value="">{t("form.noLanguage")}</option>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="span-2">
          {text("title", { required: true })}
          <small className="muted">{t("form.titleHint")}</small>
        </div>
        <div className="span-2">
          {text("titleTranslated")}
          <small className="muted">{t("form.titleTranslatedHint")}</small>
        </div>
        <fieldset className="span-2 authors">
          <legend>{t("form.authors")}</legend>
          {authors.map((author, index) => (
            <div key={index} className="author-row" data-testid="author-row">
              <select
                aria-label={t("form.authors")}
                value={author.kind}
                onChange={(e) =>
                  setAuthors(
                    authors.map((a, i) =>
                      i !== index
                        ? a
                        : e.target.value === "org"
                          ? { kind: "org", literal: "" }
                          : { kind: "person", family: "", given: "" },
                    ),
                  )
                }
              >
                <option value="person">{t("form.authorKindPerson")}</option>
                <option value="org">{t("form.authorKindOrg")}</option>
              </select>
              {author.kind === "org" ? (
                <input
                  aria-label={t("form.authorLiteral")}
                  placeholder={t("form.authorLiteral")}
                  dir="auto"
                  value={author.literal}
                  onChange={(e) =>
                    setAuthors(
                      authors.map((a, i) =>
                        i === index ? { kind: "org", literal: e.target.value } : a,
                      ),
                    )
                  }
                />
              ) : (
                <>
                  <input
                    aria-label={t("form.authorFamily")}
                    placeholder={t("form.authorFamily")}
                    dir="auto"
                    value={author.family}
                    onChange={(e) =>
                      setAuthors(
                        authors.map((a, i) =>
                          i === index && a.kind === "person" ? { ...a, family: e.target.value } : a,
                        ),
                      )
                    }
                  />
                  <input
                    aria-label={t("form.authorGiven")}
                    placeholder={t("form.authorGiven")}
                    dir="auto"
                    value={author.given}
                    onChange={(e) =>
                      setAuthors(
                        authors.map((a, i) =>
                          i === index && a.kind === "person" ? { ...a, given: e.target.value } : a,
                        ),
                      )
                    }
                  />
                </>
              )}
              <button
                type="button"
                onClick={() => setAuthors(authors.filter((_, i) => i !== index))}
              >
                {t("form.removeAuthor")}
              </button>
            </div>
          ))}
          <button
            type="button"
            data-testid="add-author"
            onClick={() => setAuthors([...authors, { kind: "person", family: "", given: "" }])}
          >
            + {t("form.addAuthor")}
          </button>
        </fieldset>
        <div>
          {text("issued", { placeholder: "2024-05" })}
          <small className="muted">{t("form.issuedHint")}</small>
        </div>
        {text("accessed", { type: "date" })}
        {text("containerTitle")}
        {text("publisher")}
        {text("publisherPlace")}
        {text("url", { type: "url", inputMode: "url" })}
        {text("doi")}
        {text("archive")}
        {text("archiveLocation")}
        <label>
          {t("form.reliability")}
          <select name="reliability" defaultValue={initial?.reliability ?? "F"}>
            {RELIABILITY.map((grade) => (
              <option key={grade} value={grade}>
                {grade} – {t(`reliability.${grade}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("form.credibility")}
          <select name="credibility" defaultValue={String(initial?.credibility ?? 6)}>
            {CREDIBILITY.map((value) => (
              <option key={value} value={value}>
                {value} – {t(`credibility.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="span-2">
          {text("tags", { defaultValue: (initial?.tags ?? []).join(", ") })}
          <small className="muted">{t("form.tagsHint")}</small>
        </div>
        <label className="span-2">
          {t("form.note")}
          <textarea name="note" rows={3} dir="auto" defaultValue={initial?.note ?? ""} />
        </label>
      </div>
      <ErrorMessage result={result} />
      {field && (
        <p className="error">
          {t("form.fieldError", {
            field: t.has(`form.${field}`) ? t(`form.${field}` as "form.title") : field,
          })}
        </p>
      )}
      {duplicateId && (
        <Link href={`/w/${workspaceSlug}/sources/${duplicateId}`}>{t("detail.duplicate")}</Link>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t("form.saving") : sourceId ? t("form.save") : t("form.create")}
        </button>
        <Link
          href={
            sourceId ? `/w/${workspaceSlug}/sources/${sourceId}` : `/w/${workspaceSlug}/sources`
          }
        >
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
