import type { EmbedResult } from "@/lib/incidents/embeds";
import type { TableColumn } from "@/lib/incidents/query-schema";
import { DATASET_NAMES, type DatasetEnum } from "@/lib/publishing/embed-nodes";
import { formatNumber } from "@/lib/publishing/render-labels";

/**
 * Embed values as text, exactly as lib/publishing/render-embeds.ts writes them into the
 * version's HTML, so the DOCX and the reader page show the same figures.
 */
export function figureText(result: EmbedResult, language: string): string {
  if (result.kind !== "figure") return "?";
  return result.ratio !== null && "baseline" in result
    ? `×${formatNumber(result.ratio, language)}`
    : formatNumber(result.value, language);
}

type TableRow = Extract<EmbedResult, { kind: "table" }>["rows"][number];

/** One cell of a frozen incident table row. */
export function incidentCell(row: TableRow, column: TableColumn, language: string): string {
  switch (column) {
    case "date":
      return row.dateStart;
    case "dataset":
      return DATASET_NAMES[row.dataset as DatasetEnum] ?? String(row.dataset);
    case "eventType":
      return row.eventType;
    case "actors":
      return [row.sideA, row.sideB].filter(Boolean).join(" – ");
    case "admin1":
      return row.admin1 ?? "";
    case "admin2":
      return row.admin2 ?? "";
    case "place":
      return row.placeName ?? "";
    case "fatalities":
      return formatNumber(row.fatalitiesBest, language);
  }
}
