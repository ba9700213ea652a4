"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { saveIncidentQueryAction } from "@/app/(workspace)/w/[workspace]/incidents/actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import type { IncidentFilter } from "@/lib/incidents/query-schema";

/** "Save this query": names the current filter so briefs and colleagues can reuse it. */
export function SaveQueryForm({
  workspaceSlug,
  filter,
}: {
  workspaceSlug: string;
  filter: IncidentFilter;
}) {
  const t = useTranslations("incidents");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="inline-form"
      data-testid="save-query"
      onSubmit={(event) => {
        event.preventDefault();
        const name = String(new FormData(event.currentTarget).get("name") ?? "");
        startTransition(async () =>
          setResult(await saveIncidentQueryAction(workspaceSlug, { name, filter })),
        );
      }}
    >
      <label className="grow">
        <span className="visually-hidden">{t("saved.name")}</span>
        <input name="name" dir="auto" placeholder={t("saved.name")} required maxLength={200} />
      </label>
      <button type="submit" disabled={pending}>
        {t("saved.save")}
      </button>
      {result?.ok && (
        <span role="status" className="muted">
          {t("saved.done")}
        </span>
      )}
      <ErrorMessage result={result} />
    </form>
  );
}
