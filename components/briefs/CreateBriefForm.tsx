"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createBriefAction } from "@/app/(workspace)/w/[workspace]/brief-actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import { BRIEF_LANGUAGES, TITLE_MAX } from "@/lib/briefs/schema";

export function CreateBriefForm({ workspaceSlug }: { workspaceSlug: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const outcome = await createBriefAction(workspaceSlug, {
        title: String(form.get("title") ?? ""),
        language: String(form.get("language") ?? "en") as (typeof BRIEF_LANGUAGES)[number],
      });
      setResult(outcome);
      if (outcome.ok) router.push(`/w/${workspaceSlug}/briefs/${outcome.data.id}`);
    });
  }

  return (
    <details className="card" data-testid="create-brief">
      <summary>{t("briefs.new")}</summary>
      <form onSubmit={onSubmit} className="inline-form" noValidate>
        <label className="grow">
          {t("briefs.newTitle")}
          {/* maxLength is left to the server on purpose: its message says what the limit is. */}
          <input name="title" dir="auto" required aria-describedby="title-limit" />
          <small id="title-limit" className="visually-hidden">
            {TITLE_MAX}
          </small>
        </label>
        <label>
          {t("briefs.newLanguage")}
          <select name="language" defaultValue="en">
            {BRIEF_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t("briefs.creating") : t("briefs.create")}
        </button>
      </form>
      <ErrorMessage result={result} />
    </details>
  );
}
