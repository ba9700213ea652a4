/** A short human description of a filter, e.g. "JNIM · Kayes · 2024-01-01 → 2024-12-31". */
export function describeFilter(filter: Record<string, unknown>): string {
  const parts = [
    filter.actor,
    filter.q && `“${String(filter.q)}”`,
    filter.admin1,
    filter.admin2,
    filter.place,
    filter.eventType,
    filter.dataset,
  ]
    .filter(Boolean)
    .map(String);
  if (filter.from || filter.to)
    parts.push(`${String(filter.from ?? "…")} → ${String(filter.to ?? "…")}`);
  return parts.join(" · ");
}
