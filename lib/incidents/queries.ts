import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Member } from "@/lib/policy/can";
import { countIncidents, countPerMonth, type CountParts } from "./counts";
import { actorIdsMatching, adminSpellings, placeSpellings } from "./gazetteer";
import { normalizeText } from "./normalize";
import type { IncidentFilter, IncidentSort, ListParams } from "./query-schema";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";

export const PAGE_SIZE = 50;

/**
 * A filter as the parts its where is made of: `base` (workspace, dates, dataset, admin and
 * actor filters…), and for free text the `text` match and the `named` actors and places the
 * text names (through the gazetteers). A row matches when it matches every base part and,
 * with free text, the text or any named alternative.
 */
type WhereParts = CountParts;

async function whereParts(
  workspaceId: string,
  filter: IncidentFilter,
  tx: Tx,
  options: { includeRemoved?: boolean },
): Promise<WhereParts> {
  const and: Prisma.IncidentWhereInput[] = [{ workspaceId }];
  // Rows a re-import no longer contained are kept but left out, unless asked for.
  if (!options.includeRemoved) and.push({ removedAt: null });
  if (filter.from) and.push({ dateStart: { gte: new Date(`${filter.from}T00:00:00Z`) } });
  if (filter.to) and.push({ dateStart: { lte: new Date(`${filter.to}T00:00:00Z`) } });
  if (filter.dataset) and.push({ dataset: filter.dataset });
  if (filter.eventType) and.push({ eventType: filter.eventType });
  if (filter.minFatalities !== undefined)
    and.push({ fatalitiesBest: { gte: filter.minFatalities } });
  if (filter.maxFatalities !== undefined)
    and.push({ fatalitiesBest: { lte: filter.maxFatalities } });
  const [admin1, admin2, actors, textActors, textPlaces] = await Promise.all([
    filter.admin1 ? adminSpellings(filter.admin1, 1, tx) : null,
    filter.admin2 ? adminSpellings(filter.admin2, 2, tx) : null,
    filter.actor ? actorIdsMatching(filter.actor, tx) : null,
    filter.q ? actorIdsMatching(filter.q, tx) : null,
    filter.q ? placeSpellings(filter.q, tx) : null,
  ]);
  if (admin1) and.push({ admin1: { in: admin1 } });
  if (admin2) and.push({ admin2: { in: admin2 } });
  if (filter.place) and.push({ placeName: { contains: filter.place, mode: "insensitive" } });
  if (filter.actor) {
    // Every row's actors are linked by id at import: a name no alias contains has no rows.
    and.push({ actorIds: { hasSome: actors ?? [] } });
  }
  const named: Prisma.IncidentWhereInput[] = [];
  if (textActors?.length) named.push({ actorIds: { hasSome: textActors } });
  if (textPlaces?.admin1.length) named.push({ admin1: { in: textPlaces.admin1 } });
  if (textPlaces?.admin2.length) named.push({ admin2: { in: textPlaces.admin2 } });
  const needle = filter.q ? normalizeText(filter.q) : null;
  const text = needle !== null ? { searchText: { contains: needle } } : null;
  return { workspaceId, base: and, text, needle, named };
}

function combine({ base, text, named }: WhereParts): Prisma.IncidentWhereInput {
  // Text as typed, plus the actors and places it names (in any language), by index.
  return { AND: text ? [...base, { OR: [text, ...named] }] : base };
}

/**
 * The Prisma filter for a browser/embed filter. Names are expanded through the gazetteers
 * first, so "Kayes", "Région de Kayes" and "كاي" select the same rows, and "GSIM" or
 * "نصرة الإسلام" finds rows where the dataset wrote "JNIM" (through the rows' actor ids, a GIN
 * array lookup). Free text compares normalized text with LIKE '%…%' (trigram index).
 */
export async function incidentWhere(
  workspaceId: string,
  filter: IncidentFilter,
  tx: Tx = db,
  options: { includeRemoved?: boolean } = {},
): Promise<Prisma.IncidentWhereInput> {
  return combine(await whereParts(workspaceId, filter, tx, options));
}

const ORDER: Record<
  IncidentSort,
  (dir: "asc" | "desc") => Prisma.IncidentOrderByWithRelationInput[]
> = {
  date: (dir) => [{ dateStart: dir }, { externalId: dir }],
  fatalities: (dir) => [{ fatalitiesBest: dir }, { dateStart: "desc" }],
  admin1: (dir) => [{ admin1: { sort: dir, nulls: "last" } }, { dateStart: "desc" }],
  eventType: (dir) => [{ eventType: dir }, { dateStart: "desc" }],
  dataset: (dir) => [{ dataset: dir }, { dateStart: "desc" }],
};

export const rowSelect = {
  id: true,
  dataset: true,
  externalId: true,
  datasetVersion: true,
  dateStart: true,
  dateEnd: true,
  eventType: true,
  subEventType: true,
  sideA: true,
  sideB: true,
  admin1: true,
  admin2: true,
  placeName: true,
  latitude: true,
  longitude: true,
  fatalitiesBest: true,
  fatalitiesLow: true,
  fatalitiesHigh: true,
} as const;
export type IncidentRow = Prisma.IncidentGetPayload<{ select: typeof rowSelect }>;

/** A page of rows plus the count and fatality total of everything the filter selects. */
export async function listIncidents(member: Member, params: ListParams, tx: Tx = db) {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const parts = await whereParts(member.workspaceId, params, tx, {});
  const where = combine(parts);
  const [rows, totals] = await Promise.all([
    // By date (the default order), the date index gives the first page without a sort.
    tx.incident.findMany({
      where,
      orderBy: ORDER[params.sort](params.dir),
      skip: (params.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: rowSelect,
    }),
    countIncidents(parts, where, tx),
  ]);
  return {
    rows,
    total: totals.count,
    fatalities: totals.fatalities,
    page: params.page,
    pageSize: PAGE_SIZE,
  };
}

export type SeriesPoint = { period: string; count: number; fatalities: number };

/** Incidents and fatalities per month or year, with empty periods filled in. */
export async function incidentSeries(
  member: Member,
  filter: IncidentFilter,
  period: "month" | "year",
  tx: Tx = db,
): Promise<SeriesPoint[]> {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const parts = await whereParts(member.workspaceId, filter, tx, {});
  const groups = await countPerMonth(parts, combine(parts), tx);
  const buckets = new Map<number, SeriesPoint>();
  const key = (ym: number) => (period === "year" ? Math.floor(ym / 100) : ym);
  for (const [yearMonth, sums] of [...groups].sort((a, b) => a[0] - b[0])) {
    if (sums.count === 0) continue;
    const k = key(yearMonth);
    const point = buckets.get(k) ?? { period: label(k, period), count: 0, fatalities: 0 };
    point.count += sums.count;
    point.fatalities += sums.fatalities;
    buckets.set(k, point);
  }
  if (buckets.size === 0) return [];
  const keys = [...buckets.keys()];
  const out: SeriesPoint[] = [];
  for (let k = Math.min(...keys); k <= Math.max(...keys); k = next(k, period)) {
    out.push(buckets.get(k) ?? { period: label(k, period), count: 0, fatalities: 0 });
  }
  return out;
}

function next(k: number, period: "month" | "year"): number {
  if (period === "year") return k + 1;
  return k % 100 === 12 ? (Math.floor(k / 100) + 1) * 100 + 1 : k + 1;
}

function label(k: number, period: "month" | "year"): string {
  return period === "year"
    ? String(k)
    : `${Math.floor(k / 100)}-${String(k % 100).padStart(2, "0")}`;
}

/** Count and fatality total of a filter. */
export async function incidentTotals(member: Member, filter: IncidentFilter, tx: Tx = db) {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const parts = await whereParts(member.workspaceId, filter, tx, {});
  return countIncidents(parts, combine(parts), tx);
}

/**
 * Values for the filter drop-downs: regions and event types present in the workspace. A
 * workspace has a handful of each over 100,000 rows, so they are read by skipping through an
 * index from one value to the next (one index probe per value) rather than by grouping every
 * row, which read the whole table on each browser page.
 */
export async function filterOptions(member: Member, tx: Tx = db) {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const workspaceId = member.workspaceId;
  const [admin1, eventTypes] = await Promise.all([
    tx.$queryRaw<{ value: string }[]>`
      WITH RECURSIVE found AS (
        (SELECT admin1 AS value FROM incidents
         WHERE workspace_id = ${workspaceId}::uuid AND admin1 IS NOT NULL AND removed_at IS NULL
         ORDER BY admin1 LIMIT 1)
        UNION ALL
        SELECT (SELECT admin1 FROM incidents
                WHERE workspace_id = ${workspaceId}::uuid AND admin1 > found.value AND removed_at IS NULL
                ORDER BY admin1 LIMIT 1)
        FROM found WHERE found.value IS NOT NULL
      )
      SELECT value FROM found WHERE value IS NOT NULL`,
    tx.$queryRaw<{ value: string }[]>`
      WITH RECURSIVE found AS (
        (SELECT event_type AS value FROM incidents
         WHERE workspace_id = ${workspaceId}::uuid AND removed_at IS NULL
         ORDER BY event_type LIMIT 1)
        UNION ALL
        SELECT (SELECT event_type FROM incidents
                WHERE workspace_id = ${workspaceId}::uuid AND event_type > found.value AND removed_at IS NULL
                ORDER BY event_type LIMIT 1)
        FROM found WHERE found.value IS NOT NULL
      )
      SELECT value FROM found WHERE value IS NOT NULL`,
  ]);
  return {
    admin1: admin1.map((a) => a.value),
    eventTypes: eventTypes.map((e) => e.value),
  };
}
