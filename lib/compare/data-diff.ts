import type { FrozenEmbed, FrozenEmbeds, FrozenIncident } from "@/lib/publishing/frozen";

type Scalar = string | number | boolean | null;
export type FieldChange = { field: string; from: Scalar; to: Scalar };
export type Row = Record<string, unknown> & { id: string };
export type RowChange = { id: string; label: string; fields: FieldChange[] };

export type EmbedResultChange = {
  key: string;
  kind: FrozenEmbed["kind"];
  /** Scalar results that differ: table totals, a figure's value/baseline/ratio. */
  totals: FieldChange[];
  rowsAdded: Row[];
  rowsRemoved: Row[];
  rowsChanged: RowChange[];
  /** Chart points (by period) whose count or fatalities differ, or that appeared/disappeared. */
  series: { period: string; fields: FieldChange[] }[];
};

export type DataDiff = {
  embedsAdded: FrozenEmbed[];
  embedsRemoved: FrozenEmbed[];
  embedsChanged: EmbedResultChange[];
  incidentsAdded: FrozenIncident[];
  incidentsRemoved: FrozenIncident[];
  incidentsChanged: RowChange[];
  count: number;
};

/** Bookkeeping of a result (when it was computed, what the last import did): not data. */
const VOLATILE = new Set(["asOf", "lastChange", "changedRows", "removedRows", "kind", "accessed"]);

function scalar(value: unknown): Scalar {
  if (value === undefined) return null;
  if (value === null || ["string", "number", "boolean"].includes(typeof value))
    return value as Scalar;
  return JSON.stringify(value);
}

/** Fields whose values differ between two flat records (nested values compared as JSON). */
export function fieldChanges(
  from: Record<string, unknown>,
  to: Record<string, unknown>,
  skip: ReadonlySet<string> = VOLATILE,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((k) => !skip.has(k));
  return keys
    .map((field) => ({ field, from: scalar(from[field]), to: scalar(to[field]) }))
    .filter((c) => c.from !== c.to);
}

function rowLabel(row: Record<string, unknown>): string {
  const dataset = typeof row.dataset === "string" ? row.dataset : "";
  const external = row.externalId ?? row.id;
  return `${dataset} ${String(external)}`.trim();
}

/** Rows matched by id: added, removed, changed (with the fields that changed). */
export function rowDiff(from: readonly Row[], to: readonly Row[], skip?: ReadonlySet<string>) {
  const before = new Map(from.map((r) => [r.id, r]));
  const after = new Map(to.map((r) => [r.id, r]));
  const added = to.filter((r) => !before.has(r.id));
  const removed = from.filter((r) => !after.has(r.id));
  const changed: RowChange[] = [];
  for (const row of to) {
    const prev = before.get(row.id);
    if (!prev) continue;
    const fields = fieldChanges(prev, row, skip);
    if (fields.length > 0) changed.push({ id: row.id, label: rowLabel(row), fields });
  }
  return { added, removed, changed };
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function rowsOf(result: unknown): Row[] {
  const rows = record(result).rows;
  return Array.isArray(rows) ? rows.filter((r): r is Row => typeof record(r).id === "string") : [];
}

function seriesOf(result: unknown): Map<string, Record<string, unknown>> {
  const series = record(result).series;
  const points = Array.isArray(series) ? series.map(record) : [];
  return new Map(points.map((p) => [String(p.period), p]));
}

/** What changed in one embed's result (same query, different data). Null when nothing did. */
export function embedResultChange(from: FrozenEmbed, to: FrozenEmbed): EmbedResultChange | null {
  const skip = new Set([...VOLATILE, "rows", "series"]);
  const totals = fieldChanges(record(from.result), record(to.result), skip);
  const rows = rowDiff(rowsOf(from.result), rowsOf(to.result));
  const before = seriesOf(from.result);
  const after = seriesOf(to.result);
  const series = [...new Set([...before.keys(), ...after.keys()])]
    .map((period) => ({
      period,
      fields: fieldChanges(before.get(period) ?? {}, after.get(period) ?? {}, new Set(["period"])),
    }))
    .filter((p) => p.fields.length > 0);
  const change: EmbedResultChange = {
    key: to.key,
    kind: to.kind,
    totals,
    rowsAdded: rows.added,
    rowsRemoved: rows.removed,
    rowsChanged: rows.changed,
    series,
  };
  const empty =
    totals.length + rows.added.length + rows.removed.length + rows.changed.length + series.length;
  return empty === 0 ? null : change;
}

function incidentRecord(incident: FrozenIncident): Row {
  const { values, ...rest } = incident;
  return { ...values, ...rest };
}

/**
 * Data behind two states of a brief compared: embeds matched by key (the hash of their
 * query), so the same query's result changes show as rows/totals/series changes, a new or
 * removed query as an added/removed embed; cited incident rows matched by id.
 */
export function dataDiff(from: FrozenEmbeds | null, to: FrozenEmbeds | null): DataDiff {
  const before = new Map((from?.embeds ?? []).map((e) => [e.key, e]));
  const after = new Map((to?.embeds ?? []).map((e) => [e.key, e]));
  const embedsAdded = [...after.values()].filter((e) => !before.has(e.key));
  const embedsRemoved = [...before.values()].filter((e) => !after.has(e.key));
  const embedsChanged = [...after.values()]
    .map((e) => (before.has(e.key) ? embedResultChange(before.get(e.key)!, e) : null))
    .filter((c): c is EmbedResultChange => c !== null);
  const incidents = rowDiff(
    (from?.incidents ?? []).map(incidentRecord),
    (to?.incidents ?? []).map(incidentRecord),
    new Set(["accessDate"]),
  );
  const byId = (list: FrozenIncident[] | undefined) => new Map((list ?? []).map((i) => [i.id, i]));
  const fromIncidents = byId(from?.incidents);
  const toIncidents = byId(to?.incidents);
  // A cited row the latest import dropped is "removed" even though it is still cited.
  const removedNow = incidents.changed.filter(
    (c) => !fromIncidents.get(c.id)?.removedAt && toIncidents.get(c.id)?.removedAt,
  );
  const incidentsRemoved = [
    ...incidents.removed.map((r) => fromIncidents.get(r.id)!),
    ...removedNow.map((c) => toIncidents.get(c.id)!),
  ];
  const incidentsChanged = incidents.changed.filter((c) => !removedNow.includes(c));
  const incidentsAdded = incidents.added.map((r) => toIncidents.get(r.id)!);
  return {
    embedsAdded,
    embedsRemoved,
    embedsChanged,
    incidentsAdded,
    incidentsRemoved,
    incidentsChanged,
    count:
      embedsAdded.length +
      embedsRemoved.length +
      embedsChanged.length +
      incidentsAdded.length +
      incidentsRemoved.length +
      incidentsChanged.length,
  };
}
