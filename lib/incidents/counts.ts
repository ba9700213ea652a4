// Counting what a filter selects (count, fatalities, per month), fast when free text names a
// big share of the table. "GSIM" names JNIM, on about 40 % of the rows: as one
// `text OR actor` condition PostgreSQL must read every matching row of the wide table,
// because the text is only in the table. Counted by parts instead, the actor and place part
// is read from a narrow covering index (an index-only scan) and the text part, when the text
// itself is rare, through the trigram index:
//   |text ∪ named| = |named| + |text| − |text ∩ named|
// which is exact. When the text itself is common ("jnim" is in the notes of every JNIM
// row), the parts would each read those rows, so the single condition is kept.
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Rows the typed text may match (planner's estimate) for counting by parts to pay. */
export const SPLIT_MAX_TEXT_ROWS = 5_000;

/** What queries.ts gives: the filter's parts (see whereParts there). */
export type CountParts = {
  workspaceId: string;
  base: Prisma.IncidentWhereInput[];
  text: Prisma.IncidentWhereInput | null;
  /** The normalized typed text, as compared with search_text. */
  needle: string | null;
  named: Prisma.IncidentWhereInput[];
};

export type Sums = { count: number; fatalities: number };

/** The three wheres of counting by parts, or null when one condition is the better plan. */
async function split(parts: CountParts, tx: Tx) {
  if (!parts.text || !parts.needle || parts.named.length === 0) return null;
  if ((await textRowsEstimate(parts.workspaceId, parts.needle, tx)) > SPLIT_MAX_TEXT_ROWS)
    return null;
  const named: Prisma.IncidentWhereInput = { OR: parts.named };
  return {
    named: { AND: [...parts.base, named] },
    text: { AND: [...parts.base, parts.text] },
    both: { AND: [...parts.base, parts.text, named] },
  };
}

/**
 * The planner's estimate of the workspace's rows whose search text contains `needle` (from
 * the column statistics: no rows are read).
 */
async function textRowsEstimate(workspaceId: string, needle: string, tx: Tx): Promise<number> {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [row] = await tx.$queryRaw<{ "QUERY PLAN": unknown }[]>`
    EXPLAIN (FORMAT JSON)
    SELECT 1 FROM incidents WHERE workspace_id = ${workspaceId}::uuid AND search_text LIKE ${pattern}`;
  const plan = row?.["QUERY PLAN"];
  const parsed = (typeof plan === "string" ? JSON.parse(plan) : plan) as
    [{ Plan?: { "Plan Rows"?: number } }] | undefined;
  return parsed?.[0]?.Plan?.["Plan Rows"] ?? Number.POSITIVE_INFINITY;
}

/**
 * Runs `work` with page costs that suit a table read from memory (random_page_cost 1.1, the
 * usual value for SSDs; the server default of 4 is for spinning disks): with 4 the planner
 * reads the whole wide table rather than the narrow covering index. Set for these queries
 * only: in their own transaction, or inside the caller's and put back afterwards.
 */
async function withMemoryCosts<T>(tx: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (tx === db)
    return db.$transaction(async (own) => {
      await own.$executeRawUnsafe("SET LOCAL random_page_cost = 1.1");
      return work(own);
    });
  const [before] = await tx.$queryRaw<{ cost: string }[]>`
    SELECT current_setting('random_page_cost') AS cost`;
  await tx.$executeRawUnsafe("SET LOCAL random_page_cost = 1.1");
  try {
    return await work(tx);
  } finally {
    await tx.$queryRaw`SELECT set_config('random_page_cost', ${before?.cost ?? "4"}, true)`;
  }
}

async function sums(tx: Tx, where: Prisma.IncidentWhereInput): Promise<Sums> {
  const totals = await tx.incident.aggregate({
    where,
    _count: { _all: true },
    _sum: { fatalitiesBest: true },
  });
  return { count: totals._count._all, fatalities: totals._sum.fatalitiesBest ?? 0 };
}

async function months(tx: Tx, where: Prisma.IncidentWhereInput): Promise<Map<number, Sums>> {
  const groups = await tx.incident.groupBy({
    by: ["yearMonth"],
    where,
    _count: { _all: true },
    _sum: { fatalitiesBest: true },
    orderBy: { yearMonth: "asc" },
  });
  return new Map(
    groups.map((g) => [
      g.yearMonth,
      { count: g._count._all, fatalities: g._sum.fatalitiesBest ?? 0 },
    ]),
  );
}

/** Count and fatality total of everything the filter selects. */
export async function countIncidents(
  parts: CountParts,
  where: Prisma.IncidentWhereInput,
  tx: Tx = db,
): Promise<Sums> {
  const wheres = await split(parts, tx);
  if (!wheres) return sums(tx, where);
  return withMemoryCosts(tx, async (t) => {
    // One after the other: inside a transaction they share its one connection anyway.
    const named = await sums(t, wheres.named);
    const text = await sums(t, wheres.text);
    const both = await sums(t, wheres.both);
    return {
      count: named.count + text.count - both.count,
      fatalities: named.fatalities + text.fatalities - both.fatalities,
    };
  });
}

/** Count and fatalities per year * 100 + month, for the months that have rows. */
export async function countPerMonth(
  parts: CountParts,
  where: Prisma.IncidentWhereInput,
  tx: Tx = db,
): Promise<Map<number, Sums>> {
  const wheres = await split(parts, tx);
  if (!wheres) return months(tx, where);
  return withMemoryCosts(tx, async (t) => {
    const out = await months(t, wheres.named);
    for (const [month, add] of await months(t, wheres.text)) {
      const point = out.get(month) ?? { count: 0, fatalities: 0 };
      out.set(month, {
        count: point.count + add.count,
        fatalities: point.fatalities + add.fatalities,
      });
    }
    for (const [month, overlap] of await months(t, wheres.both)) {
      const point = out.get(month)!; // every overlapping row is a named row
      point.count -= overlap.count;
      point.fatalities -= overlap.fatalities;
    }
    return out;
  });
}
