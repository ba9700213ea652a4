import { createHash } from "node:crypto";
import { normalizeText } from "../normalize";
import type { ImportDataset } from "./columns";

/** What an importer makes of one valid row: the Incident columns that come from the file. */
export type IncidentValues = {
  externalId: string;
  dateStart: Date;
  dateEnd: Date;
  datePrecision: number | null;
  eventType: string;
  subEventType: string | null;
  sideA: string | null;
  sideB: string | null;
  assocActors: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  placeName: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: number | null;
  fatalitiesBest: number;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  civilianDeaths: number | null;
  description: string | null;
  sourceText: string | null;
  sourceScale: string | null;
  numberOfSources: number | null;
  clarity: number | null;
  raw: Record<string, string>;
};

/** The columns compared on re-import to say which fields changed. */
export const COMPARED_FIELDS = [
  "dateStart",
  "dateEnd",
  "datePrecision",
  "eventType",
  "subEventType",
  "sideA",
  "sideB",
  "assocActors",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "placeName",
  "latitude",
  "longitude",
  "geoPrecision",
  "fatalitiesBest",
  "fatalitiesLow",
  "fatalitiesHigh",
  "civilianDeaths",
  "description",
  "sourceText",
  "sourceScale",
  "numberOfSources",
  "clarity",
] as const satisfies readonly (keyof IncidentValues)[];

/** Hash of the whole raw row: any change in any column of the file counts as a change. */
export function contentHash(dataset: ImportDataset, raw: Record<string, string>): string {
  const keys = Object.keys(raw).sort();
  return createHash("sha256")
    .update(JSON.stringify([dataset, keys.map((k) => [k, raw[k]])]))
    .digest("base64url");
}

export function searchText(v: Omit<IncidentValues, "raw" | "externalId">): string {
  return normalizeText(
    [
      v.sideA,
      v.sideB,
      v.assocActors,
      v.eventType,
      v.subEventType,
      v.country,
      v.admin1,
      v.admin2,
      v.admin3,
      v.placeName,
      v.description,
      v.sourceText,
    ]
      .filter(Boolean)
      .join(" | "),
  );
}

export function yearMonth(date: Date): number {
  return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1;
}
