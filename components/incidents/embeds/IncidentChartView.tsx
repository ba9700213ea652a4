"use client";

import { NodeViewWrapper, type NodeViewProps } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { IncidentChart } from "../IncidentChart";
import { describeFilter } from "./describe-filter";
import { EmbedFooter } from "./EmbedFooter";
import { parseSpec, useEmbedData } from "./use-embed-data";

export function IncidentChartView({ node }: NodeViewProps) {
  const t = useTranslations("incidents");
  const spec = String(node.attrs.spec ?? "");
  const { data, error } = useEmbedData(spec);
  const { filter, period } = parseSpec(spec);
  const chart = data?.kind === "chart" ? data : null;
  const title = `${t(period === "month" ? "chart.perMonth" : "chart.perYear")} · ${describeFilter(filter)}`;
  return (
    <NodeViewWrapper
      className="incident-embed incident-embed-chart"
      data-testid="embed-chart"
      contentEditable={false}
    >
      {" "}
      <div className="incident-embed-head">
        <bdi>{title}</bdi>
      </div>
      {error && <p className="error">{t("embed.error")}</p>}
      {!data && !error && <p className="muted">{t("embed.loading")}</p>}
      {chart && chart.series.length === 0 && <p className="muted">{t("emptyFiltered")}</p>}
      {chart && (
        <IncidentChart
          series={chart.series}
          title={title}
          labels={{ count: t("chart.incidents"), fatalities: t("chart.fatalities") }}
        />
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
      </div>
    </NodeViewWrapper>
  );
}
