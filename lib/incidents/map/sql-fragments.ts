import type { GeoProjection } from "d3-geo";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotMappedReason } from "./not-mapped";
import { PRECISION_CODES } from "./precision";
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

/** The precision level of a row (locationPrecision), "unknown" when its dataset does not say. */
export function levelSql(): Prisma.Sql {
  const branches: Prisma.Sql[] = [];
  for (const [dataset, codes] of Object.entries(PRECISION_CODES)) {
    for (const [code, level] of Object.entries(codes ?? {})) {
      branches.push(
        Prisma.sql`WHEN dataset = ${dataset}::"IncidentDataset" AND geo_precision = ${Number(code)}::int THEN ${level}::text`,
      );
    }
  }
  return Prisma.sql`CASE ${Prisma.join(branches, " ")} ELSE 'unknown' END`;
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
