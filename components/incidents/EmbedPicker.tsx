"use client";

import type { Editor } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { workspaceSlugFromPath } from "./embeds/use-embed-data";
import { compactFilter, incidentFilterSchema } from "@/lib/incidents/query-schema";
import type { IncidentEmbedKind } from "@/lib/editor/incident-embeds";
import { MAP_EXTENT_IDS } from "@/lib/incidents/map-extents";

const FIELDS = ["actor", "admin1", "q", "from", "to"] as const;

type SavedQuery = { id: string; name: string; query: unknown };

/**
 * Toolbar popover that inserts a live incident table, inline figure, chart or map. It writes the
 * query into the node; the node view computes the result.
 */
export function EmbedPicker({ editor }: { editor: Editor }) {
  const t = useTranslations("incidents");
  const details = useRef<HTMLDetailsElement>(null);
  const [kind, setKind] = useState<IncidentEmbedKind>("table");
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState<SavedQuery[] | null>(null);
  const [chosen, setChosen] = useState("");

  /** The workspace's saved queries, fetched when the dialog first opens. */
  async function loadSaved() {
    if (saved) return;
    try {
      const slug = encodeURIComponent(workspaceSlugFromPath());
      const response = await fetch(`/api/incidents/${slug}/embed?saved=1`, { cache: "no-store" });
      const body = (await response.json()) as { queries?: SavedQuery[] };
      setSaved(body.queries ?? []);
    } catch {
      setSaved([]);
    }
  }

  function insert(form: FormData) {
    const value = (name: string) => String(form.get(name) ?? "");
    const savedQuery = saved?.find((q) => q.id === chosen);
    const filter = incidentFilterSchema.safeParse(
      savedQuery ? savedQuery.query : Object.fromEntries(FIELDS.map((f) => [f, value(f)])),
    );
    if (!filter.success) return setInvalid(true);
    const base = { filter: compactFilter(filter.data) };
    const spec =
      kind === "table"
        ? { ...base, limit: Number(value("limit")) || 10 }
        : kind === "figure"
          ? { ...base, metric: value("metric") === "fatalities" ? "fatalities" : "count" }
          : kind === "map"
            ? { ...base, extent: MAP_EXTENT_IDS.find((id) => id === value("extent")) ?? "mali" }
            : { ...base, period: value("period") === "month" ? "month" : "year", measure: "count" };
    setInvalid(false);
    editor.chain().focus().insertIncidentEmbed(kind, spec).run();
    details.current?.removeAttribute("open");
  }

  return (
    <details
      className="incident-picker"
      ref={details}
      data-testid="incident-embed-picker"
      onToggle={(e) => {
        if (e.currentTarget.open) void loadSaved();
      }}
    >
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
            <option value="table">{t("picker.table")}</option>
            <option value="figure">{t("picker.figure")}</option>
            <option value="chart">{t("picker.chart")}</option>
            <option value="map">{t("mapEmbed.option")}</option>
          </select>
        </label>
        {saved && saved.length > 0 && (
          <label className="incident-field">
            <span>{t("picker.saved")}</span>
            <select
              name="saved"
              value={chosen}
              onChange={(e) => setChosen(e.target.value)}
              data-testid="picker-saved"
            >
              <option value="">{t("picker.noSaved")}</option>
              {saved.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {!chosen &&
          FIELDS.map((name) => (
            <label key={name} className="incident-field">
              <span>{t(`filters.${name}`)}</span>
              <input
                name={name}
                type={name === "from" || name === "to" ? "date" : "text"}
                dir="auto"
                maxLength={200}
                data-testid={`picker-${name}`}
              />{" "}
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
        {kind === "map" && (
          <label className="incident-field">
            <span>{t("mapEmbed.extent")}</span>
            <select name="extent" defaultValue="mali" data-testid="picker-extent">
              {MAP_EXTENT_IDS.map((id) => (
                <option key={id} value={id}>
                  {t(`mapEmbed.extents.${id}`)}
                </option>
              ))}
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
