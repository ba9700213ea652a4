"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updateIncidentAction } from "@/app/(workspace)/w/[workspace]/incidents/actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";

type Values = {
  dateStart: string;
  dateEnd: string;
  eventType: string;
  subEventType: string;
  sideA: string;
  sideB: string;
  admin1: string;
  admin2: string;
  admin3: string;
  placeName: string;
  latitude: string;
  longitude: string;
  fatalitiesBest: string;
  civilianDeaths: string;
  description: string;
  sourceIds: string[];
};

const TEXT = [
  "eventType",
  "subEventType",
  "sideA",
  "sideB",
  "admin1",
  "admin2",
  "admin3",
  "placeName",
] as const;
const NUMBERS = ["latitude", "longitude", "fatalitiesBest", "civilianDeaths"] as const;

/** Editors edit an in-house incident, its sources chosen from the workspace's library. */
export function EditIncidentForm({
  workspaceSlug,
  incidentId,
  initial,
  sources,
}: {
  workspaceSlug: string;
  incidentId: string;
  initial: Values;
  sources: { id: string; title: string }[];
}) {
  const t = useTranslations("incidents");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <details className="card" data-testid="edit-incident">
      <summary>{t("detail.edit")}</summary>
      <form
        className="incident-import-form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const value = (name: string) => String(form.get(name) ?? "").trim();
          const number = (name: string) => (value(name) === "" ? null : value(name));
          startTransition(async () => {
            const outcome = await updateIncidentAction(workspaceSlug, {
              id: incidentId,
              values: {
                dateStart: value("dateStart"),
                dateEnd: value("dateEnd") || undefined,
                ...Object.fromEntries(TEXT.map((n) => [n, value(n)])),
                eventType: value("eventType"),
                latitude: number("latitude"),
                longitude: number("longitude"),
                fatalitiesBest: value("fatalitiesBest") || "0",
                civilianDeaths: number("civilianDeaths"),
                description: value("description"),
                sourceIds: form.getAll("sourceIds").map(String),
              },
            });
            setResult(outcome);
            if (outcome.ok) router.refresh();
          });
        }}
      >
        <label className="incident-field">
          <span>{t("add.dateStart")}</span>
          <input name="dateStart" type="date" required defaultValue={initial.dateStart} />
        </label>
        <label className="incident-field">
          <span>{t("detail.fields.dateEnd")}</span>
          <input name="dateEnd" type="date" defaultValue={initial.dateEnd} />
        </label>
        {TEXT.map((name) => (
          <label key={name} className="incident-field">
            <span>{t(`detail.fields.${name}`)}</span>
            <input
              name={name}
              dir="auto"
              maxLength={300}
              required={name === "eventType"}
              defaultValue={initial[name]}
            />
          </label>
        ))}
        {NUMBERS.map((name) => (
          <label key={name} className="incident-field">
            <span>{t(`detail.fields.${name}`)}</span>
            <input
              name={name}
              type="number"
              step={name === "latitude" || name === "longitude" ? "any" : 1}
              min={name === "latitude" ? -90 : name === "longitude" ? -180 : 0}
              max={name === "latitude" ? 90 : name === "longitude" ? 180 : undefined}
              defaultValue={initial[name]}
            />
          </label>
        ))}
        <label className="incident-field incident-field-wide">
          <span>{t("detail.fields.description")}</span>
          <textarea
            name="description"
            dir="auto"
            maxLength={5000}
            rows={3}
            defaultValue={initial.description}
          />
        </label>
        <fieldset className="incident-field-wide incident-source-choice">
          <legend>{t("detail.sources")}</legend>
          {sources.length === 0 ? (
            <p className="muted">{t("detail.noLibrary")}</p>
          ) : (
            sources.map((s) => (
              <label key={s.id}>
                <input
                  type="checkbox"
                  name="sourceIds"
                  value={s.id}
                  defaultChecked={initial.sourceIds.includes(s.id)}
                />{" "}
                <bdi>{s.title}</bdi>
              </label>
            ))
          )}
        </fieldset>
        <button type="submit" className="primary" disabled={pending}>
          {t("detail.save")}
        </button>
      </form>
      {result?.ok && (
        <p role="status" className="muted">
          {t("detail.saved")}
        </p>
      )}
      <ErrorMessage result={result} />
    </details>
  );
}
