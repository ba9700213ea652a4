"use client";

import { NodeViewWrapper, type NodeViewProps } from "@tiptap/react";
import { useTranslations } from "next-intl";
import type { IncidentCitationItem } from "@/lib/editor/citation-items";
import type { SerializedRow } from "@/lib/incidents/embeds";
import { describeFilter } from "./describe-filter";
import { EmbedFooter } from "./EmbedFooter";
import { parseSpec, useEmbedData } from "./use-embed-data";

export const DATASET_NAMES = {
  UCDP_GED: "UCDP GED",
  ACLED: "ACLED",
  INHOUSE: "Briefroom in-house",
} as const;

/** A cited incident row as the shared citation node stores it (same footnote numbering). */
export function incidentCitationItem(row: SerializedRow, accessed: string): IncidentCitationItem {
  return {
    kind: "incident",
    dataset: DATASET_NAMES[row.dataset],
    rowId: row.externalId,
    version: row.datasetVersion ?? "",
    accessed,
  };
}

export function IncidentTableView({ node, editor, getPos }: NodeViewProps) {
  const t = useTranslations("incidents");
  const spec = String(node.attrs.spec ?? "");
  const { data, error } = useEmbedData(spec);
  const { filter } = parseSpec(spec);
  const table = data?.kind === "table" ? data : null;

  /** Cites the shown rows in a footnote placed right after the table. */
  function cite() {
    if (!table || typeof getPos !== "function") return;
    const pos = getPos();
    if (pos === undefined) return;
    const accessed = (table.lastChange ?? table.asOf).slice(0, 10);
    const items = table.rows
      .slice(0, 20)
      .map((r) => incidentCitationItem(r, r.accessed ?? accessed));
    editor
      .chain()
      .focus()
      .insertContentAt(pos + node.nodeSize, {
        type: "paragraph",
        content: [
          { type: "text", text: t("embed.rowsCited") + " " },
          { type: "citation", attrs: { items } },
        ],
      })
      .run();
  }

  return (
    <NodeViewWrapper
      className="incident-embed incident-embed-table"
      data-testid="embed-table"
      contentEditable={false}
    >
      {" "}
      <div className="incident-embed-head">
        <strong>{t("embed.tableTitle")}</strong>{" "}
        <bdi className="muted">{describeFilter(filter)}</bdi>
        {table && (
          <span className="muted">
            {" "}
            · {t("embed.totals", { count: table.count, fatalities: table.fatalities })}
          </span>
        )}
      </div>
      {error && <p className="error">{t("embed.error")}</p>}
      {!data && !error && <p className="muted">{t("embed.loading")}</p>}
      {table && (
        <table className="table incident-table">
          <thead>
            <tr>
              <th scope="col">{t("columns.date")}</th>
              <th scope="col">{t("columns.actors")}</th>
              <th scope="col">{t("columns.admin1")}</th>
              <th scope="col">{t("columns.place")}</th>
              <th scope="col">{t("columns.fatalities")}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.id} data-testid="embed-row" data-external-id={r.externalId}>
                <td>
                  <bdi>{r.dateStart}</bdi>
                </td>
                <td>
                  <bdi>{[r.sideA, r.sideB].filter(Boolean).join(" – ")}</bdi>
                </td>
                <td>
                  <bdi>{r.admin1}</bdi>
                </td>
                <td>
                  <bdi>{r.placeName}</bdi>
                </td>
                <td className="num">{r.fatalitiesBest}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="incident-embed-foot">
        <EmbedFooter
          asOf={data?.asOf}
          filter={filter}
          changed={
            data
              ? { rows: data.changedRows, removed: data.removedRows, at: data.lastChange }
              : undefined
          }
        />
        {table && editor.isEditable && table.rows.length > 0 && (
          <button type="button" onClick={cite} data-testid="embed-cite-rows">
            {t("embed.cite")}
          </button>
        )}
      </div>
    </NodeViewWrapper>
  );
}
