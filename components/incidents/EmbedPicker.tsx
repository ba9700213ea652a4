"use client";

import type { Editor } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { compactFilter, incidentFilterSchema } from "@/lib/incidents/query-schema";
import type { IncidentEmbedKind } from "@/lib/editor/incident-embeds";

const FIELDS = ["actor", "admin1", "q", "from", "to"] as const;

/**
 * Toolbar popover that inserts a live incident table, inline figure or chart. It writes the
 * query into the node; the node view computes the result.
 */
export function EmbedPicker({ editor }: { editor: Editor }) {
  const t = useTranslations("incidents");
  const details = useRef<HTMLDetailsElement>(null);
  const [kind, setKind] = useState<IncidentEmbedKind>("table");
  const [invalid, setInvalid] = useState(false);

  function insert(form: FormData) {
    const value = (name: string) => String(form.get(name) ?? "");
    const filter = incidentFilterSchema.safeParse(
      Object.fromEntries(FIELDS.map((f) => [f, value(f)])),
    );
    if (!filter.success) return setInvalid(true);
    const base = { filter: compactFilter(filter.data) };
    const spec =
      kind === "table"
        ? { ...base, limit: Number(value("limit")) || 10 }
        : kind === "figure"
          ? { ...base, metric: value("metric") === "fatalities" ? "fatalities" : "count" }
          : { ...base, period: value("period") === "month" ? "month" : "year", measure: "count" };
    setInvalid(false);
    editor.chain().focus().insertIncidentEmbed(kind, spec).run();
    details.current?.removeAttribute("open");
  }

  return (
    <details className="incident-picker" ref={details} data-testid="incident-embed-picker">
      <summary title={t("picker.title")}>{t("picker.button")}</summary>
      <form
        className="incident-picker-form"
        onSubmit={(event) => {
          event.preventDefault();
          insert(new FormData(event.currentTarget));
        }}
      >
        <label className="incident-field">
          <span>{t("picker.kind")}</span>
          <select
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as IncidentEmbedKind)}
            data-testid="picker-kind"
          >
            {" "}
            {/* prettier-ignore */}
            <option value="table">{t("picker.table")}</option>
            <option value="figure">{t("picker.figure")}</option>
            <option value="chart">{t("picker.chart")}</option>
          </select>
        </label>
        {FIELDS.map((name) => (
          <label key={name} className="incident-field">
            <span>{t(`filters.${name}`)}</span>
            <input
              name={name}
              type={name === "from" || name === "to" ? "date" : "text"}
              dir="auto"
              maxLength={200}
              data-testid={`picker-${name}`}
            />{" "}
            {/* prettier-ignore */}
          </label>
        ))}
        {kind === "table" && (
          <label className="incident-field">
            <span>{t("picker.limit")}</span>
            <input name="limit" type="number" min={1} max={50} defaultValue={10} />
          </label>
        )}
        {kind === "figure" && (
          <label className="incident-field">
            <span>{t("picker.metric")}</span>
            <select name="metric" defaultValue="count">
              <option value="count">{t("chart.incidents")}</option>
              <option value="fatalities">{t("chart.fatalities")}</option>
            </select>
          </label>
        )}
        {kind === "chart" && (
          <label className="incident-field">
            <span>{t("chart.period")}</span>
            <select name="period" defaultValue="year">
              <option value="year">{t("chart.year")}</option>
              <option value="month">{t("chart.month")}</option>
            </select>
          </label>
        )}
        {invalid && (
          <p className="error" role="alert">
            {t("badFilter")}
          </p>
        )}
        <button type="submit" className="primary" data-testid="picker-insert">
          {t("picker.insert")}
        </button>
      </form>
    </details>
  );
}
