import { readFileSync } from "node:fs";
import path from "node:path";
import { parseImportFile } from "../import/parse-import";
import { bytesSource } from "../import/read-file";
import type { MapRow } from "./layout";

/** The 12 rows of the UCDP sample, read by the importer itself, as the map reads them. */
export async function ucdpSampleRows(): Promise<MapRow[]> {
  const file = path.join(__dirname, "../fixtures/ucdp-ged-candidate-26.0.7-mali-sample.csv");
  const parsed = await parseImportFile(bytesSource(readFileSync(file, "utf8")), {
    expected: "UCDP_GED",
  });
  return parsed.rows.map((r) => ({
    id: `ucdp-${r.externalId}`,
    dataset: "UCDP_GED",
    externalId: r.externalId,
    dateStart: r.dateStart,
    eventType: r.eventType,
    sideA: r.sideA,
    sideB: r.sideB,
    placeName: r.placeName,
    admin1: r.admin1,
    latitude: r.latitude,
    longitude: r.longitude,
    geoPrecision: r.geoPrecision,
    fatalitiesBest: r.fatalitiesBest,
  }));
}
