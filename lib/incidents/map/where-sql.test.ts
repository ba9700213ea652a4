import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Member } from "@/lib/policy/can";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { commitImport } from "../import/commit-import";
import { parseImportFile } from "../import/parse-import";
import { fileSource } from "../import/read-file";
import { incidentWhere } from "../queries";
import type { IncidentFilter } from "../query-schema";
import { whereSql } from "./where-sql";

withTestDatabase("incidents_map_where_sql");

const FIXTURES = path.join(__dirname, "../fixtures");
let editor: Member;

async function importFile(file: string, expected: "UCDP_GED" | "ACLED") {
  const parsed = await parseImportFile(fileSource(path.join(FIXTURES, file)), { expected });
  await commitImport(editor, parsed, {
    fileSize: 1,
    datasetVersion: expected === "UCDP_GED" ? "26.0.7" : null,
    accessDate: new Date("2026-11-20"),
    fileName: file,
  });
}

beforeAll(async () => {
  const ws = await workspaceWith(["EDITOR"]);
  editor = ws.members.EDITOR;
  await importFile("ucdp-ged-candidate-26.0.7-mali-sample.csv", "UCDP_GED");
  await importFile("acled-mali-sample.csv", "ACLED");
  // A row whose place holds LIKE's wildcards, and a removed row (never selected).
  const [row] = await db.incident.findMany({ where: { workspaceId: editor.workspaceId }, take: 2 });
  await db.incident.update({ where: { id: row!.id }, data: { placeName: "Kassa_ro 100%" } });
  const [, removed] = await db.incident.findMany({
    where: { workspaceId: editor.workspaceId },
    orderBy: { externalId: "asc" },
    take: 2,
  });
  await db.incident.update({ where: { id: removed!.id }, data: { removedAt: new Date() } });
  // Another workspace's rows are never selected either.
  const other = await workspaceWith(["EDITOR"]);
  const parsed = await parseImportFile(
    fileSource(path.join(FIXTURES, "ucdp-ged-candidate-26.0.7-mali-sample.csv")),
    { expected: "UCDP_GED" },
  );
  await commitImport(other.members.EDITOR, parsed, {
    fileSize: 1,
    datasetVersion: "26.0.7",
    accessDate: new Date("2026-11-20"),
    fileName: "ucdp.csv",
  });
});

const FILTERS: IncidentFilter[] = [
  {},
  { from: "2026-07-05" },
  { to: "2026-07-10" },
  { from: "2026-07-04", to: "2026-07-20" },
  { dataset: "UCDP_GED" },
  { dataset: "ACLED" },
  { eventType: "state-based" },
  { minFatalities: 1 },
  { maxFatalities: 2 },
  { admin1: "Kayes" },
  { admin1: "كاي" },
  { admin1: "Région de Kayes", minFatalities: 1 },
  { admin2: "Nioro" },
  { place: "sandare" },
  { place: "a_r" },
  { place: "100%" },
  { actor: "GSIM" },
  { actor: "نصرة الإسلام" },
  { actor: "nobody at all" },
  { q: "kayes" },
  { q: "jnim" },
  { q: "%" },
  { q: "كاي", dataset: "UCDP_GED" },
];

async function sqlIds(filter: IncidentFilter): Promise<string[]> {
  const where = whereSql(await incidentWhere(editor.workspaceId, filter));
  const rows = await db.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT id::text AS id FROM incidents WHERE ${where} ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

async function prismaIds(filter: IncidentFilter): Promise<string[]> {
  const rows = await db.incident.findMany({
    where: await incidentWhere(editor.workspaceId, filter),
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

describe("whereSql", () => {
  it("selects exactly the rows incidentWhere selects, for every filter field", async () => {
    let nonEmpty = 0;
    for (const filter of FILTERS) {
      const expected = await prismaIds(filter);
      if (expected.length) nonEmpty++;
      expect({ filter, ids: await sqlIds(filter) }).toEqual({ filter, ids: expected });
    }
    // The comparison means something: most filters select some rows, and not all the same.
    expect(nonEmpty).toBeGreaterThan(FILTERS.length / 2);
    expect((await prismaIds({ admin1: "Kayes" })).length).toBeLessThan(
      (await prismaIds({})).length,
    );
  });

  it("binds values as parameters, never as query text", async () => {
    const where = whereSql(
      await incidentWhere(editor.workspaceId, { place: "'; DROP TABLE x; --" }),
    );
    expect(where.sql).not.toContain("DROP");
    expect(where.values).toContain("%'; DROP TABLE x; --%");
  });

  it("refuses an operator it does not know rather than ignore it", () => {
    expect(() => whereSql({ description: { contains: "x" } })).toThrow(/does not know/);
    expect(() => whereSql({ fatalitiesBest: { gt: 3 } })).toThrow(/does not know/);
    expect(() => whereSql({ NOT: { eventType: "x" } })).toThrow(/does not know/);
  });
});
