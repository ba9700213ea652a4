"use client";

import { NodeViewWrapper, type NodeViewProps } from "@tiptap/react";
import { useTranslations } from "next-intl";
import type { IncidentCitationItem } from "@/lib/editor/citation-items";
import type { LiveMapEmbed } from "@/lib/incidents/embed-map-svg";
import { MAP_EXTENT_IDS, type MapExtentId } from "@/lib/incidents/map-extents";
import { describeFilter } from "./describe-filter";
import { EmbedFooter } from "./EmbedFooter";
import { DATASET_NAMES } from "./IncidentTableView";
import { parseSpec, useEmbedData } from "./use-embed-data";

function extentOf(value: unknown): MapExtentId {
  return MAP_EXTENT_IDS.find((id) => id === value) ?? "mali";
}

/**
 * The live map of a brief: drawn by the server for the query the node stores, in the
 * brief's language (the editor's lang, not the interface's), recomputed like every embed.
 */
export function IncidentMapView({ node, editor, getPos }: NodeViewProps) {
  const t = useTranslations("incidents");
  const spec = String(node.attrs.spec ?? "");
  const language = editor.view.dom.getAttribute("lang") ?? undefined;
  const { data, error } = useEmbedData<LiveMapEmbed>(spec, language);
  const parsed = parseSpec(spec);
  const extent = extentOf(parsed.extent);
  const map = data?.kind === "map" ? data : null;
  const title = t("mapEmbed.title", { extent: t(`mapEmbed.extents.${extent}`) });

  /** Cites the newest rows of the map in a footnote placed right after it. */
  function cite() {
    if (!map || typeof getPos !== "function") return;
    const pos = getPos();
    if (pos === undefined) return;
    const fallback = (map.lastChange ?? map.asOf).slice(0, 10);
    const items: IncidentCitationItem[] = map.cite.map((r) => ({
      kind: "incident",
      dataset: DATASET_NAMES[r.dataset],
      rowId: r.externalId,
      version: r.datasetVersion ?? "",
      accessed: r.accessed ?? fallback,
    }));
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
      className="incident-embed incident-embed-map"
      data-testid="embed-map"
      data-extent={extent}
      contentEditable={false}
    >
      {" "}
      <div className="incident-embed-head">
        <strong>{title}</strong> <bdi className="muted">{describeFilter(parsed.filter)}</bdi>
        {map && (
          <span className="muted">
            {" "}
            · {t("embed.totals", { count: map.count, fatalities: map.fatalities })}
          </span>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {t("embed.error")}
        </p>
      )}
      {!data && !error && (
        <p className="muted" role="status">
          {t("embed.loading")}
        </p>
      )}
      {map && (
        <>
          {/* Drawn on the server from escaped text only (lib/incidents/map/render-svg.ts). */}
          <div
            className="incident-map-frame"
            data-testid="embed-map-svg"
            style={{ overflowX: "auto" }}
            dangerouslySetInnerHTML={{ __html: map.svg }}
          />
          <p className="muted">
            <span data-testid="embed-map-mapped" data-count={map.mapped}>
              {t("mapEmbed.mapped", { count: map.mapped })}
            </span>
            {" · "}
            <span data-testid="embed-map-not-mapped" data-count={map.notMapped}>
              {t("mapEmbed.notMapped", { count: map.notMapped })}
            </span>
            {map.truncated && <> · {t("mapEmbed.truncated", { count: map.rowCount })}</>}
          </p>
        </>
      )}
      <div className="incident-embed-foot">
        <EmbedFooter
          asOf={data?.asOf}
          filter={parsed.filter}
          changed={
            data
              ? { rows: data.changedRows, removed: data.removedRows, at: data.lastChange }
              : undefined
          }
        />
        {map && editor.isEditable && map.cite.length > 0 && (
          <button type="button" onClick={cite} data-testid="embed-map-cite">
            {t("mapEmbed.cite")}
          </button>
        )}
      </div>
    </NodeViewWrapper>
  );
}
