import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The browser's filter as a SQL condition on `incidents`, for the map's aggregating queries.
 *
 * Why a translation and not a second filter builder: `incidentWhere` (lib/incidents/queries.ts)
 * is the one definition of what a filter selects (gazetteer spellings, actor ids, removed
 * rows, free text). Selecting ids through it and aggregating them in a second query would
 * send up to 100k ids back and forth; rebuilding the SQL from the filter by hand would be a
 * second copy of those rules that drifts. So the map asks `incidentWhere` for its Prisma
 * where-object and translates that object, operator by operator, into parameterised SQL
 * (`Prisma.sql`: every value is a bound parameter, never text in the query). The translator
 * knows only the operators incidentWhere uses and throws on anything else, so a new kind of
 * filter fails loudly in the tests (where-sql.test.ts compares it with Prisma's own count
 * for every filter field) rather than being ignored on the map.
 */
export function whereSql(where: Prisma.IncidentWhereInput): Prisma.Sql {
  return node(where as Record<string, unknown>);
}

type Column = { name: string; kind: "uuid" | "text" | "enum" | "int" | "date" | "timestamp" };

/** The fields incidentWhere filters on, with their column and type. */
const COLUMNS: Record<string, Column> = {
  workspaceId: { name: "workspace_id", kind: "uuid" },
  removedAt: { name: "removed_at", kind: "timestamp" },
  dateStart: { name: "date_start", kind: "date" },
  dataset: { name: "dataset", kind: "enum" },
  eventType: { name: "event_type", kind: "text" },
  fatalitiesBest: { name: "fatalities_best", kind: "int" },
  admin1: { name: "admin1", kind: "text" },
  admin2: { name: "admin2", kind: "text" },
  placeName: { name: "place_name", kind: "text" },
  searchText: { name: "search_text", kind: "text" },
  actorIds: { name: "actor_ids", kind: "uuid" },
};

function unsupported(what: string): never {
  throw new Error(
    `The map's SQL filter does not know ${what}: extend lib/incidents/map/where-sql.ts`,
  );
}

function node(where: Record<string, unknown>): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === "AND") parts.push(all(list(value).map((w) => node(w))));
    else if (key === "OR") parts.push(any(list(value).map((w) => node(w))));
    else parts.push(field(key, value));
  }
  return all(parts);
}

function list(value: unknown): Record<string, unknown>[] {
  return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
}

function all(parts: Prisma.Sql[]): Prisma.Sql {
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " AND ")})` : Prisma.sql`TRUE`;
}

function any(parts: Prisma.Sql[]): Prisma.Sql {
  // Prisma's OR of nothing selects nothing.
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}

function field(key: string, value: unknown): Prisma.Sql {
  const column = COLUMNS[key] ?? unsupported(`the field "${key}"`);
  const col = Prisma.raw(`"${column.name}"`);
  if (value === null) return Prisma.sql`${col} IS NULL`;
  if (typeof value !== "object" || value instanceof Date)
    return Prisma.sql`${col} = ${param(column, value)}`;
  const ops = value as Record<string, unknown>;
  const insensitive = ops.mode === "insensitive";
  const parts: Prisma.Sql[] = [];
  for (const [op, operand] of Object.entries(ops)) {
    if (operand === undefined || op === "mode") continue;
    if (op === "equals") parts.push(Prisma.sql`${col} = ${param(column, operand)}`);
    else if (op === "gte") parts.push(Prisma.sql`${col} >= ${param(column, operand)}`);
    else if (op === "lte") parts.push(Prisma.sql`${col} <= ${param(column, operand)}`);
    else if (op === "in") parts.push(Prisma.sql`${col} = ANY(${arrayParam(column, operand)})`);
    else if (op === "hasSome") parts.push(Prisma.sql`${col} && ${arrayParam(column, operand)}`);
    else if (op === "contains") {
      if (typeof operand !== "string") unsupported(`contains with a ${typeof operand}`);
      // As Prisma sends it: `contains` passes `%` and `_` through as LIKE wildcards
      // (where-sql.test.ts checks both agree), so the map selects what the list selects.
      const pattern = `%${operand}%`;
      parts.push(
        insensitive ? Prisma.sql`${col} ILIKE ${pattern}` : Prisma.sql`${col} LIKE ${pattern}`,
      );
    } else unsupported(`the operator "${op}" on "${key}"`);
  }
  return all(parts);
}

function param(column: Column, value: unknown): Prisma.Sql {
  switch (column.kind) {
    case "uuid":
      return Prisma.sql`${String(value)}::uuid`;
    case "enum":
      return Prisma.sql`${String(value)}::"IncidentDataset"`;
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value)) unsupported(`${String(value)}`);
      return Prisma.sql`${value}::int`;
    case "date": {
      // A @db.Date column: the filter's days are midnight UTC; anything else has no meaning here.
      if (!(value instanceof Date) || value.getTime() % 86_400_000 !== 0)
        unsupported(`the date ${String(value)}`);
      return Prisma.sql`${value.toISOString().slice(0, 10)}::date`;
    }
    case "timestamp":
      if (!(value instanceof Date)) unsupported(`the timestamp ${String(value)}`);
      return Prisma.sql`${value.toISOString()}::timestamp`;
    default:
      return Prisma.sql`${String(value)}`;
  }
}

function arrayParam(column: Column, value: unknown): Prisma.Sql {
  if (!Array.isArray(value)) unsupported(`a list that is not an array`);
  const values = value.map(String);
  if (column.kind === "uuid") return Prisma.sql`${values}::uuid[]`;
  if (column.kind === "text") return Prisma.sql`${values}::text[]`;
  return unsupported(`a list of ${column.kind}`);
}
