"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createIncidentAction } from "@/app/(workspace)/w/[workspace]/incidents/actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";

const TEXT_FIELDS = ["eventType", "sideA", "sideB", "admin1", "admin2", "placeName"] as const;

/** Editors add an in-house incident (dataset "In-house"); the same checks as imported rows. */
export function AddIncidentForm({ workspaceSlug }: { workspaceSlug: string }) {
  const t = useTranslations("incidents.add");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <details className="card" data-testid="add-incident">
      <summary>{t("title")}</summary>
      <form
        className="incident-import-form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const value = (name: string) => String(form.get(name) ?? "");
          startTransition(async () => {
            const outcome = await createIncidentAction(workspaceSlug, {
              dateStart: value("dateStart"),
              eventType: value("eventType"),
              sideA: value("sideA"),
              sideB: value("sideB"),
              admin1: value("admin1"),
              admin2: value("admin2"),
              placeName: value("placeName"),
              fatalitiesBest: value("fatalitiesBest") || "0",
              description: value("description"),
            });
            setResult(outcome);
            if (outcome.ok) router.refresh();
          });
        }}
      >
        <label className="incident-field">
          <span>{t("dateStart")}</span>
          <input name="dateStart" type="date" required />
        </label>
        {TEXT_FIELDS.map((name) => (
          <label key={name} className="incident-field">
            <span>{t(name)}</span>
            <input name={name} dir="auto" maxLength={200} required={name === "eventType"} />
          </label>
        ))}
        <label className="incident-field">
          <span>{t("fatalitiesBest")}</span>
          <input name="fatalitiesBest" type="number" min={0} defaultValue={0} />
        </label>
        <label className="incident-field">
          <span>{t("description")}</span>
          <textarea name="description" dir="auto" maxLength={5000} rows={2} />
        </label>
        <button type="submit" className="primary" disabled={pending}>
          {t("submit")}
        </button>
      </form>
      {result?.ok && (
        <p role="status" className="muted">
          {t("done")}
        </p>
      )}
      <ErrorMessage result={result} />
    </details>
  );
}
