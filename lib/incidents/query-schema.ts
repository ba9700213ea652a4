import { z } from "zod";
import { MAP_EXTENT_IDS } from "./map-extents";

/** Form fields arrive as "" when left empty: treat that as "no filter". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
const text = optional(z.string().trim().max(200));
const isoDate = optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
const count = optional(z.coerce.number().int().min(0).max(1_000_000));

export const DATASETS = ["UCDP_GED", "ACLED", "INHOUSE"] as const;

/** The filters of the incident browser, saved queries and embeds. */
export const incidentFilterSchema = z.object({
  from: isoDate,
  to: isoDate,
  admin1: text,
  admin2: text,
  place: text,
  /** An actor under any of its names, in any language. */
  actor: text,
  eventType: text,
  dataset: optional(z.enum(DATASETS)),
  minFatalities: count,
  maxFatalities: count,
  /** Free text over actors, places, descriptions and sources, in any language. */
  q: text,
});
export type IncidentFilter = z.infer<typeof incidentFilterSchema>;

export const SORTS = ["date", "fatalities", "admin1", "eventType", "dataset"] as const;
export type IncidentSort = (typeof SORTS)[number];

export const listParamsSchema = incidentFilterSchema.extend({
  sort: optional(z.enum(SORTS)).default("date"),
  dir: optional(z.enum(["asc", "desc"])).default("desc"),
  page: optional(z.coerce.number().int().min(1).max(100_000)).default(1),
});
export type ListParams = z.infer<typeof listParamsSchema>;

export const TABLE_COLUMNS = [
  "date",
  "dataset",
  "eventType",
  "actors",
  "admin1",
  "admin2",
  "place",
  "fatalities",
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/**
 * What an embed in a brief stores: the query, never its results, so a draft recomputes live
 * and publishing can freeze the results of the same query.
 */
export const embedSpecSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("table"),
    filter: incidentFilterSchema,
    sort: z.enum(SORTS).default("date"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    limit: z.number().int().min(1).max(50).default(10),
    columns: z
      .array(z.enum(TABLE_COLUMNS))
      .min(1)
      .default(["date", "actors", "admin1", "place", "fatalities"]),
  }),
  z.object({
    kind: z.literal("figure"),
    filter: incidentFilterSchema,
    metric: z.enum(["count", "fatalities"]).default("count"),
    /** When set, the figure is the ratio filter ÷ baseline (e.g. 2024 over 2021). */
    baseline: incidentFilterSchema.optional(),
  }),
  z.object({
    kind: z.literal("chart"),
    filter: incidentFilterSchema,
    measure: z.enum(["count", "fatalities"]).default("count"),
    period: z.enum(["month", "year"]).default("year"),
  }),
  z.object({
    kind: z.literal("map"),
    filter: incidentFilterSchema,
    /** The whole country or one region (lib/incidents/map-extents.ts), by name. */
    extent: z.enum(MAP_EXTENT_IDS).default("mali"),
  }),
]);
export type EmbedSpec = z.infer<typeof embedSpecSchema>;
export type EmbedSpecInput = z.input<typeof embedSpecSchema>;

/** A filter without its empty fields (what URLs and stored specs carry). */
export function compactFilter(filter: IncidentFilter): IncidentFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && v !== ""),
  ) as IncidentFilter;
}

/** URL query string of a filter, for links to the rows behind an embed or an export. */
export function filterToSearchParams(filter: IncidentFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(compactFilter(filter))) params.set(key, String(value));
  return params;
}
