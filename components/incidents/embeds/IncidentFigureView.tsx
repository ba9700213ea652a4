"use client";

import { NodeViewWrapper, type NodeViewProps } from "@tiptap/react";
import { useFormatter, useTranslations } from "next-intl";
import { describeFilter } from "./describe-filter";
import { parseSpec, rowsHref, useEmbedData } from "./use-embed-data";

/** A single computed number inline in a sentence: a count, a fatality total or a ratio. */
export function IncidentFigureView({ node }: NodeViewProps) {
  const t = useTranslations("incidents.embed");
  const format = useFormatter();
  const spec = String(node.attrs.spec ?? "");
  const { data, error } = useEmbedData(spec);
  const { filter, metric } = parseSpec(spec);
  const figure = data?.kind === "figure" ? data : null;
  const changed = figure && figure.changedRows > 0;
  const removed = figure && figure.removedRows > 0;
  const text = error
    ? "?"
    : !figure
      ? "…"
      : figure.ratio !== null && "baseline" in figure
        ? `×${format.number(figure.ratio)}`
        : format.number(figure.value);
  const title = [
    t(metric === "fatalities" ? "figureFatalities" : "figureCount"),
    describeFilter(filter),
    changed && figure.lastChange
      ? t("changed", {
          count: figure.changedRows,
          time: format.dateTime(new Date(figure.lastChange), {
            dateStyle: "medium",
            timeStyle: "short",
          }),
        })
      : "",
    removed && figure.lastChange
      ? t("removed", {
          count: figure.removedRows,
          time: format.dateTime(new Date(figure.lastChange), {
            dateStyle: "medium",
            timeStyle: "short",
          }),
        })
      : "",
    figure
      ? t("asOf", {
          time: format.dateTime(new Date(figure.asOf), { dateStyle: "medium", timeStyle: "short" }),
        })
      : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <NodeViewWrapper
      as="span"
      className={changed || removed ? "incident-figure incident-figure-changed" : "incident-figure"}
      data-testid="embed-figure"
      title={title}
      contentEditable={false}
    >
      {" "}
      <a href={rowsHref(filter)} target="_blank" rel="noopener" data-testid="embed-figure-value">
        {text}
      </a>
    </NodeViewWrapper>
  );
}
