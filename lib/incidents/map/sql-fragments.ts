import type { GeoProjection } from "d3-geo";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotMappedReason } from "./not-mapped";
import type { GeoExtent } from "./projection";

// The map's rules in SQL, written from the same definitions as the TypeScript that draws a
// handful of rows (not-mapped.ts, precision.ts, projection.ts), so that the aggregated map of
// 100k rows and the map of a brief's dozen place every row alike. map-grid.test.ts checks
// each fragment against its TypeScript twin.

const f8 = (n: number) => Prisma.sql`${n}::float8`;

/**
 * Why a row is not mapped (notMappedReason): NULL when it can be drawn. PostgreSQL's NaN
 * compares greater than every number, so it is named before the range checks, as in
 * TypeScript (where NaN is "missing").
 */
export function reasonSql(extent: GeoExtent): Prisma.Sql {
  const [[west, south], [east, north]] = extent;
  const reason = (r: NotMappedReason) => Prisma.sql`${r}::text`;
  return Prisma.sql`CASE
    WHEN latitude IS NULL OR longitude IS NULL
      OR latitude IN ('NaN', 'Infinity', '-Infinity')
      OR longitude IN ('NaN', 'Infinity', '-Infinity') THEN ${reason("missing")}
    WHEN latitude = 0 AND longitude = 0 THEN ${reason("zero")}
    WHEN latitude < -90 OR latitude > 90 OR longitude < -180 OR longitude > 180
      THEN ${reason("outOfRange")}
    WHEN longitude < ${f8(west)} OR longitude > ${f8(east)}
      OR latitude < ${f8(south)} OR latitude > ${f8(north)} THEN ${reason("outsideMap")}
    END`;
}

/**
 * A row the view draws: inside its extent and not (0, 0) (true exactly when reasonSql is
 * NULL; NULL coordinates and NaN make it NULL or false). A plain range test, so it is
 * answered from incidents_map_idx.
 */
export function inViewSql(extent: GeoExtent): Prisma.Sql {
  const [[west, south], [east, north]] = extent;
  return Prisma.sql`(latitude BETWEEN ${f8(south)} AND ${f8(north)}
    AND longitude BETWEEN ${f8(west)} AND ${f8(east)}
    AND NOT (latitude = 0 AND longitude = 0))`;
}

/**
 * The pixel a row projects to, [x, y], under a Mercator projection fitted by d3
 * (x = k·λ + tx, y = ty − k·ln tan(π/4 + φ/2)). Only meaningful for rows inside the extent.
 */
export function pixelSql(projection: GeoProjection): [Prisma.Sql, Prisma.Sql] {
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  return [
    Prisma.sql`(${f8(k)} * radians(longitude) + ${f8(tx)})`,
    Prisma.sql`(${f8(ty)} - ${f8(k)} * ln(tan(pi() / 4 + radians(latitude) / 2)))`,
  ];
}
