import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACLED_COLUMNS, UCDP_GED_COLUMNS } from "../csv/columns";
import { MAX_ROW_CHARS, parseImportFile } from "./parse-import";
import { bytesSource, fileSource } from "./read-file";

const FIXTURES = path.join(__dirname, "../fixtures");
const UCDP = readFileSync(path.join(FIXTURES, "ucdp-ged-candidate-26.0.7-mali-sample.csv"), "utf8");
const ACLED = readFileSync(path.join(FIXTURES, "acled-mali-sample.csv"), "utf8");
const [UCDP_HEADER, UCDP_FIRST] = UCDP.split("\n") as [string, string];
const ACLED_HEADER = ACLED.split("\n")[0]!;

/** An ACLED row with some columns replaced. */
function acledRow(changes: Partial<Record<(typeof ACLED_COLUMNS)[number], string>>): string {
  const base: Record<string, string> = {
    event_id_cnty: "MLI1",
    event_date: "2024-02-15",
    year: "2024",
    time_precision: "1",
    disorder_type: "Political violence",
    event_type: "Battles",
    sub_event_type: "Armed clash",
    actor1: "JNIM",
    assoc_actor_1: "",
    inter1: "",
    actor2: "",
    assoc_actor_2: "",
    inter2: "",
    interaction: "",
    civilian_targeting: "",
    iso: "466",
    region: "Western Africa",
    country: "Mali",
    admin1: "Kayes",
    admin2: "Nioro",
    admin3: "",
    location: "Melgue",
    latitude: "15.061",
    longitude: "-9.482",
    geo_precision: "1",
    source: "x",
    source_scale: "National",
    notes: "",
    fatalities: "0",
    tags: "",
    timestamp: "1",
  };
  return ACLED_COLUMNS.map((c) => changes[c] ?? base[c]).join(",");
}
const acled = (...rows: string[]) => [ACLED_HEADER, ...rows].join("\n");
const parseAcled = (text: string | Uint8Array, chunk = 64) =>
  parseImportFile(bytesSource(text, chunk), { expected: "ACLED" });

describe("ACLED import", () => {
  it("reads the fixture: 5 rows, quoted line break and doubled quotes, associated actors", async () => {
    const parsed = await parseImportFile(
      fileSource(path.join(FIXTURES, "acled-mali-sample.csv"), 100),
      { expected: "ACLED" },
    );
    expect(parsed).toMatchObject({ dataset: "ACLED", totalRows: 5, rejected: 0 });
    const [melgue, dianguirde, sadiola, , gao] = parsed.rows;
    expect(melgue).toMatchObject({
      externalId: "MLI90001",
      dateStart: new Date("2024-02-15T00:00:00Z"),
      eventType: "Battles",
      subEventType: "Armed clash",
      sideA: "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)",
      sideB: "Military Forces of Mali (2021-)",
      admin1: "Kayes",
      admin2: "Nioro",
      admin3: "Nioro",
      placeName: "Melgue",
      latitude: 15.061,
      longitude: -9.482,
      fatalitiesBest: 3,
      fatalitiesLow: null,
      sourceScale: "Subnational-National",
    });
    expect(dianguirde!.description).toContain('a "village chief" in Dianguirdé');
    expect(dianguirde!.assocActors).toBe("Muslim Group (Mali)");
    expect(sadiola!.description).toContain("Kayes–Bamako road\nnear Sadiola");
    expect(gao!.assocActors).toBe("Wagner Group");
  });

  it("accepts ACLED's long date format", async () => {
    const parsed = await parseAcled(acled(acledRow({ event_date: "15 February 2024" })));
    expect(parsed.rows[0]!.dateStart).toEqual(new Date("2024-02-15T00:00:00Z"));
  });
});

describe("bad input", () => {
  it("UTF-8 with a BOM imports like without", async () => {
    const parsed = await parseImportFile(bytesSource(`\uFEFF${UCDP}`, 7), { expected: "UCDP_GED" });
    expect(parsed).toMatchObject({ totalRows: 12, rejected: 0, encoding: "utf-8" });
  });

  it("reads a Latin-1 file with French names as Windows-1252 and says so", async () => {
    const text = acled(acledRow({ location: "Diéma", notes: "Près de Diéma à l'est" }));
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const parsed = await parseAcled(latin1, 4096);
    expect(parsed.encoding).toBe("windows-1252");
    expect(parsed.rows[0]).toMatchObject({
      placeName: "Diéma",
      description: "Près de Diéma à l'est",
    });
  });

  it("refuses UTF-16", async () => {
    await expect(parseAcled(Uint8Array.from([0xff, 0xfe, 0x65, 0x00]))).rejects.toMatchObject({
      code: "importEncoding",
    });
  });

  it("reports impossible dates, latitude 200, negative fatalities with line and column", async () => {
    const parsed = await parseAcled(
      acled(
        acledRow({ event_id_cnty: "MLI1", event_date: "2024-02-30" }),
        acledRow({ event_id_cnty: "MLI2", latitude: "200" }),
        acledRow({ event_id_cnty: "MLI3", fatalities: "-4" }),
        acledRow({ event_id_cnty: "MLI4" }),
        acledRow({ event_id_cnty: "MLI5", year: "2023" }),
      ),
    );
    expect(parsed.rows.map((r) => r.externalId)).toEqual(["MLI4"]);
    expect(parsed.rejected).toBe(4);
    expect(parsed.errors).toEqual([
      { line: 2, column: "event_date", reason: '"2024-02-30" is not a real date' },
      { line: 3, column: "latitude", reason: "200 is outside -90…90" },
      { line: 4, column: "fatalities", reason: "-4 is below 0" },
      { line: 6, column: "year", reason: "2023 does not match event_date" },
    ]);
  });

  it("counts lines across quoted line breaks", async () => {
    const parsed = await parseAcled(
      acled(
        acledRow({ event_id_cnty: "MLI1", notes: '"two\nlines"' }),
        acledRow({ event_id_cnty: "MLI2", latitude: "x" }),
      ),
    );
    expect(parsed.errors).toEqual([{ line: 4, column: "latitude", reason: '"x" is not a number' }]);
  });

  it("refuses every copy of an id that appears twice in one file", async () => {
    const parsed = await parseAcled(
      acled(
        acledRow({ event_id_cnty: "MLI7" }),
        acledRow({ event_id_cnty: "MLI8" }),
        acledRow({ event_id_cnty: "MLI7" }),
      ),
    );
    expect(parsed.rows.map((r) => r.externalId)).toEqual(["MLI8"]);
    expect(parsed.rejected).toBe(2);
    expect(parsed.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "event_id_cnty"],
      [4, "event_id_cnty"],
    ]);
  });

  it("reports a row with the wrong number of columns", async () => {
    const parsed = await parseAcled(acled("MLI1,2024-02-15,2024"));
    expect(parsed.errors).toEqual([
      { line: 2, column: null, reason: "has 3 columns, the header has 31" },
    ]);
  });

  it("refuses a file of the other dataset", async () => {
    await expect(parseAcled(UCDP)).rejects.toMatchObject({
      code: "importWrongDataset",
      values: { detected: "UCDP GED", expected: "ACLED" },
    });
  });

  it("refuses a wrong or missing header, and a semicolon-separated file", async () => {
    const noBest = UCDP_HEADER.replace(",best,", ",bestest,");
    await expect(
      parseImportFile(bytesSource(`${noBest}\n${UCDP_FIRST}`), { expected: "UCDP_GED" }),
    ).rejects.toMatchObject({ code: "importWrongHeader", values: { missing: "best" } });
    await expect(
      parseImportFile(bytesSource(UCDP_FIRST), { expected: "UCDP_GED" }),
    ).rejects.toMatchObject({ code: "importNoHeader" });
    await expect(parseAcled("name,date\nx,y")).rejects.toMatchObject({ code: "importWrongHeader" });
    await expect(parseAcled(ACLED_HEADER.replaceAll(",", ";"))).rejects.toMatchObject({
      code: "importDelimiter",
    });
    await expect(parseAcled("")).rejects.toMatchObject({ code: "importEmpty" });
  });

  it("refuses an unclosed quote as a broken file", async () => {
    await expect(parseAcled(acled(acledRow({ notes: '"never closed' })))).rejects.toMatchObject({
      code: "importMalformed",
    });
  });

  it("stops reading an oversized file and imports nothing", async () => {
    let pulled = 0;
    async function* huge() {
      yield new TextEncoder().encode(`${UCDP_GED_COLUMNS.join(",")}\n`);
      for (;;) {
        pulled++;
        // 1 MB of short malformed lines: each is a row error, the size limit ends the read.
        const chunk = new Uint8Array(1024 * 1024).fill(0x41);
        for (let i = 999; i < chunk.length; i += 1000) chunk[i] = 0x0a;
        yield chunk;
      }
    }
    await expect(
      parseImportFile(huge(), { expected: "UCDP_GED", maxBytes: 5 * 1024 * 1024 }),
    ).rejects.toMatchObject({ code: "importTooLarge", values: { max: 5 } });
    expect(pulled).toBeLessThan(10);
  });

  it("refuses a line longer than any real row at once, naming it", async () => {
    let pulled = 0;
    async function* oneLine() {
      yield new TextEncoder().encode(`${UCDP_GED_COLUMNS.join(",")}\n1,"`);
      for (;;) {
        pulled++;
        yield new Uint8Array(64 * 1024).fill(0x41);
      }
    }
    await expect(parseImportFile(oneLine(), { expected: "UCDP_GED" })).rejects.toMatchObject({
      code: "importMalformed",
      values: { line: 2 },
    });
    expect(pulled * 64 * 1024).toBeLessThan(MAX_ROW_CHARS + 128 * 1024);
  });

  it("skips blank lines and refuses a file with more rows than allowed, rows or not", async () => {
    const header = `${UCDP_GED_COLUMNS.join(",")}\n`;
    const padded = await parseImportFile(bytesSource(`${header}${"\n".repeat(100_000)}`), {
      expected: "UCDP_GED",
    });
    expect(padded.totalRows).toBe(0);
    await expect(
      parseImportFile(bytesSource(`${header}${",\n".repeat(6)}`), {
        expected: "UCDP_GED",
        maxRows: 5,
      }),
    ).rejects.toMatchObject({ code: "importTooManyRows", values: { max: "5" } });
  });

  it("refuses a row of millions of empty cells without parsing them all", async () => {
    const cells = `${UCDP_GED_COLUMNS.join(",")}\n${",".repeat(4 * MAX_ROW_CHARS)}\n`;
    await expect(
      parseImportFile(bytesSource(cells), { expected: "UCDP_GED" }),
    ).rejects.toMatchObject({ code: "importMalformed", values: { line: 2 } });
  });
});
