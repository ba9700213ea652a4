import { compactFilter, listParamsSchema } from "@/lib/incidents/query-schema";

/** Next's searchParams (string | string[] | undefined) as plain strings: first value wins. */
export function firstValues(
  raw: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") out[key] = first;
  }
  return out;
}

/**
 * What the incident browser's views (list, map) read from the address: the query (a bad one
 * falls back to no filter, with `badFilter` set, rather than an error page), the chart period
 * and the filter alone.
 */
export function browserQuery(searchParams: Record<string, string | string[] | undefined>) {
  const raw = firstValues(searchParams);
  const parsed = listParamsSchema.safeParse(raw);
  const query = parsed.success ? parsed.data : listParamsSchema.parse({});
  const period: "month" | "year" = raw.period === "month" ? "month" : "year";
  return { raw, query, period, filter: compactFilter(query), badFilter: !parsed.success };
}
