import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Member } from "@/lib/policy/can";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";
import { ensureGazetteer } from "../gazetteer";
import { normalizeText } from "../normalize";
import { incidentWhere } from "../queries";
import type { IncidentFilter } from "../query-schema";
import { MALI_EXTENT } from "./projection";
import { reasonSql } from "./sql-fragments";
import type { AreaChange, ChangeUnit, Period, RegionChange, Tally } from "./change";
import { whereSql } from "./where-sql";

type AreaRow = {
  area: string | null;
  count_a: number;
  fat_a: number;
  count_b: number;
  fat_b: number;
  lat: number | null;
  lon: number | null;
};

/**
 * Incidents and fatalities per region (admin1) or cercle (admin2) in two periods, for the
 * change map: the browser's filter chooses the rows (its own dates are replaced by the two
 * periods), the database counts them per area in one scan, and the gazetteer gathers the
 * datasets' spellings of an area ("Kayes region" in UCDP, "Kayes" in ACLED) under one name.
 */
export async function regionChange(
  member: Member,
  filter: IncidentFilter,
  options: { a: Period; b: Period; unit?: ChangeUnit; locale?: string },
  tx: Tx = db,
): Promise<RegionChange> {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const unit = options.unit ?? "region";
  const { a, b } = options;
  const rest: IncidentFilter = { ...filter, from: undefined, to: undefined };
  const where = whereSql(await incidentWhere(member.workspaceId, rest, tx));
  const column = Prisma.raw(unit === "region" ? "admin1" : "admin2");
  const inA = Prisma.sql`date_start BETWEEN ${a.from}::date AND ${a.to}::date`;
  const inB = Prisma.sql`date_start BETWEEN ${b.from}::date AND ${b.to}::date`;
  const rows = await tx.$queryRaw<AreaRow[]>(Prisma.sql`
    SELECT area,
      count(*) FILTER (WHERE ${inA})::int AS count_a,
      coalesce(sum(fatalities_best) FILTER (WHERE ${inA}), 0)::int AS fat_a,
      count(*) FILTER (WHERE ${inB})::int AS count_b,
      coalesce(sum(fatalities_best) FILTER (WHERE ${inB}), 0)::int AS fat_b,
      avg(latitude) FILTER (WHERE reason IS NULL) AS lat,
      avg(longitude) FILTER (WHERE reason IS NULL) AS lon
    FROM (
      SELECT ${column} AS area, date_start, fatalities_best, latitude, longitude,
        ${reasonSql(MALI_EXTENT)} AS reason
      FROM incidents WHERE ${where} AND ((${inA}) OR (${inB}))
    ) AS selected
    GROUP BY area`);

  if (tx === db) await ensureGazetteer(); // in a transaction, its caller did it first
  const places = await tx.place.findMany({
    where: { level: unit === "region" ? 1 : 2 },
    select: {
      name: true,
      latitude: true,
      longitude: true,
      aliases: { select: { name: true, normalized: true, language: true } },
    },
  });
  const placeOf = new Map<string, (typeof places)[number]>();
  for (const place of places) {
    placeOf.set(normalizeText(place.name), place);
    for (const alias of place.aliases) placeOf.set(alias.normalized, place);
  }

  const unplaced = { a: { count: 0, fatalities: 0 }, b: { count: 0, fatalities: 0 } };
  type Acc = AreaChange & { sumLat: number; sumLon: number; located: number };
  const areas = new Map<string, Acc>();
  for (const row of rows) {
    if (row.area === null || row.area.trim() === "") {
      unplaced.a = add(unplaced.a, row.count_a, row.fat_a);
      unplaced.b = add(unplaced.b, row.count_b, row.fat_b);
      continue;
    }
    const place = placeOf.get(normalizeText(row.area));
    const key = place ? `place:${place.name}` : `data:${normalizeText(row.area)}`;
    const name = place
      ? (place.aliases.find((al) => al.language === options.locale)?.name ?? place.name)
      : row.area;
    const acc = areas.get(key) ?? {
      key: place ? place.name : row.area,
      name,
      spellings: [],
      a: { count: 0, fatalities: 0 },
      b: { count: 0, fatalities: 0 },
      at:
        place && place.latitude !== null && place.longitude !== null
          ? { lon: place.longitude, lat: place.latitude, from: "gazetteer" as const }
          : null,
      sumLat: 0,
      sumLon: 0,
      located: 0,
    };
    acc.spellings.push(row.area);
    acc.a = add(acc.a, row.count_a, row.fat_a);
    acc.b = add(acc.b, row.count_b, row.fat_b);
    if (row.lat !== null && row.lon !== null) {
      const n = row.count_a + row.count_b;
      acc.sumLat += row.lat * n;
      acc.sumLon += row.lon * n;
      acc.located += n;
    }
    areas.set(key, acc);
  }
  const out: AreaChange[] = [...areas.values()].map(({ sumLat, sumLon, located, ...area }) => ({
    ...area,
    spellings: area.spellings.sort(),
    at:
      area.at ??
      (located ? { lon: sumLon / located, lat: sumLat / located, from: "incidents" } : null),
  }));
  out.sort((x, y) => y.b.count - x.b.count || y.a.count - x.a.count || (x.name < y.name ? -1 : 1));
  return { unit, a, b, areas: out, unplaced };
}

function add(t: Tally, count: number, fatalities: number): Tally {
  return { count: t.count + count, fatalities: t.fatalities + fatalities };
}

/** The day of the latest incident the filter selects (for the default periods), or null. */
export async function latestIncidentDay(
  member: Member,
  filter: IncidentFilter,
  tx: Tx = db,
): Promise<Date | null> {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const where = await incidentWhere(member.workspaceId, filter, tx);
  const latest = await tx.incident.aggregate({ where, _max: { dateStart: true } });
  return latest._max.dateStart;
}

/** The gazetteer's regions with their centres, named in the reader's language, for map labels. */
export async function regionLabels(
  locale: string,
  tx: Tx = db,
): Promise<{ name: string; lon: number; lat: number }[]> {
  if (tx === db) await ensureGazetteer();
  const places = await tx.place.findMany({
    where: { level: 1, latitude: { not: null }, longitude: { not: null } },
    select: { name: true, latitude: true, longitude: true, aliases: true },
    orderBy: { name: "asc" },
  });
  return places.map((p) => ({
    name: p.aliases.find((a) => a.language === locale)?.name ?? p.name,
    lon: p.longitude as number,
    lat: p.latitude as number,
  }));
}
