/**
 * A brief's map as SVG, drawn on the server from the rows the embed holds (live, or frozen
 * in a published version) in the brief's language: an Arabic brief gets Arabic country
 * names, legend and credits whatever the reader's interface language.
 */
import { createTranslator } from "use-intl/core";
import { directionOf, isLocale, type AppLocale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import type { EmbedResult } from "./embeds";
import { mapExtent, toMapRows } from "./embed-map";
import type { CountryCode } from "./map/borders";
import type { PrecisionLevel } from "./map/precision";
import { renderIncidentMap, type MapLabels } from "./map/render-svg";

export type MapEmbedResult = Extract<EmbedResult, { kind: "map" }>;

const COUNTRIES: CountryCode[] = ["MLI", "MRT", "SEN", "GIN", "BFA", "NER", "DZA", "CIV"];
const LEVELS: PrecisionLevel[] = [
  "exact",
  "near",
  "district",
  "region",
  "wide",
  "country",
  "international",
  "unknown",
];

/** The UI language closest to a brief's language tag ("ar-ML" → "ar"), English otherwise. */
export function mapLocale(language: string): AppLocale {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : "en";
}

const cache = new Map<AppLocale, MapLabels>();

/** The map's words in `language`, from the incident browser's own translations. */
export function mapLabelsFor(language: string): MapLabels {
  const locale = mapLocale(language);
  const cached = cache.get(locale);
  if (cached) return cached;
  const t = createTranslator({
    locale,
    messages: loadMessages(locale),
    namespace: "incidents.map",
  });
  const date = new Intl.DateTimeFormat(`${locale}-u-nu-latn`, {
    dateStyle: "medium",
    timeZone: "UTC",
  });
  const labels: MapLabels = {
    title: t("title"),
    countries: Object.fromEntries(COUNTRIES.map((c) => [c, t(`countries.${c}`)])) as Record<
      CountryCode,
      string
    >,
    precision: Object.fromEntries(LEVELS.map((l) => [l, t(`precision.${l}`)])) as Record<
      PrecisionLevel,
      string
    >,
    fatalities: (count) => t("fatalities", { count }),
    incidents: (count) => t("incidents", { count }),
    legendPoint: t("legendPoint"),
    legendCentroid: t("legendCentroid"),
    legendCluster: t("legendCluster"),
    boundaries: t("boundaries"),
    data: t("data"),
    formatDate: (d) => date.format(d),
  };
  cache.set(locale, labels);
  return labels;
}

export type RenderedMapEmbed = {
  svg: string;
  /** Rows drawn (as points, rings or clusters) and rows the map could not place. */
  mapped: number;
  notMapped: number;
};

/**
 * The embed's map. Marks carry no links: a published brief is read outside the incident
 * browser (PDF, Word, readers without the data), so each mark's row is in its tooltip only.
 */
export function renderMapEmbed(result: MapEmbedResult, language: string): RenderedMapEmbed {
  const { svg, layout } = renderIncidentMap({
    rows: toMapRows(result.rows),
    labels: mapLabelsFor(language),
    detailBase: "",
    credits: result.credits,
    extent: mapExtent(result.extent),
    dir: directionOf(language),
  });
  const notMapped = layout.notMapped.length;
  return { svg: unlinked(svg), mapped: result.rows.length - notMapped, notMapped };
}

/**
 * The renderer wraps single marks in <a href>; here they become plain groups. Safe on this
 * string: every text in it is escaped, so "<a " and "</a>" only ever open and close marks.
 */
function unlinked(svg: string): string {
  return svg.replace(/<a href="[^"]*" /g, "<g ").replace(/<\/a>/g, "</g>");
}

/** Rows a "cite these rows" footnote names at most (the citation node's own bound). */
const CITED = 20;

/**
 * What the editor's live map receives: the drawn SVG and the counts instead of the rows
 * (thousands of them, recomputed every minute for every co-editor), plus the newest rows'
 * identities for a footnote citing them.
 */
export function liveMapEmbed(result: MapEmbedResult, language: string) {
  const { rows, ...rest } = result;
  const map = renderMapEmbed(result, language);
  return {
    ...rest,
    rowCount: rows.length,
    svg: map.svg,
    mapped: map.mapped,
    notMapped: map.notMapped,
    cite: rows.slice(0, CITED).map((r) => ({
      dataset: r.dataset,
      externalId: r.externalId,
      datasetVersion: r.datasetVersion,
      accessed: r.accessed,
    })),
  };
}
export type LiveMapEmbed = ReturnType<typeof liveMapEmbed>;
