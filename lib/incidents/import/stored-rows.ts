/** Rows written per statement in bulk writes (keeps parameters and JSON bodies bounded). */
export const CHUNK = 2000;

/** What an import needs to know of a row already stored for the same dataset. */
export type Existing = {
  id: string;
  hash: string;
  version: string | null;
  dateStart: Date;
  removedAt: Date | null;
};
