import { db, type Tx } from "@/lib/db";
import { ACTORS, PLACES } from "./gazetteer-data";
import { normalizeText } from "./normalize";

// Databases (by URL) already checked in this process: searches call ensureGazetteer on
// every request, and only the first one per process pays for the two counts.
// Concurrent callers share one fill (the searches of one request run in parallel).
const ensured = new Map<string, Promise<void>>();

/**
 * Puts the reference actors and places in the database if missing; cheap when present.
 * Call it before opening a transaction that resolves actors or places, never inside one.
 */
export function ensureGazetteer(): Promise<void> {
  const key = process.env.DATABASE_URL ?? "";
  let done = ensured.get(key);
  if (!done) {
    done = fillGazetteer(db).catch((error: unknown) => {
      ensured.delete(key);
      throw error;
    });
    ensured.set(key, done);
  }
  return done;
}

async function fillGazetteer(tx: Tx): Promise<void> {
  const aliasCount = ACTORS.reduce((n, a) => n + a.aliases.length, 0);
  const placeAliasCount = PLACES.reduce((n, p) => n + p.aliases.length, 0);
  const [actors, places] = await Promise.all([tx.actorAlias.count(), tx.placeAlias.count()]);
  if (actors < aliasCount) {
    for (const actor of ACTORS) {
      const row = await tx.actor.upsert({
        where: { name: actor.name },
        create: { name: actor.name },
        update: {},
        select: { id: true },
      });
      await tx.actorAlias.createMany({
        data: actor.aliases.map((a) => ({
          actorId: row.id,
          name: a.name,
          normalized: normalizeText(a.name),
          language: a.language,
        })),
        skipDuplicates: true,
      });
    }
  }
  if (places < placeAliasCount) {
    const ids = new Map<string, string>();
    for (const place of PLACES) {
      const row = await tx.place.upsert({
        where: { level_name: { level: place.level, name: place.name } },
        create: {
          level: place.level,
          name: place.name,
          latitude: place.lat,
          longitude: place.lon,
          parentId: place.parent ? ids.get(place.parent) : undefined,
        },
        update: {},
        select: { id: true },
      });
      ids.set(place.name, row.id);
      await tx.placeAlias.createMany({
        data: place.aliases.map((a) => ({
          placeId: row.id,
          name: a.name,
          normalized: normalizeText(a.name),
          language: a.language,
        })),
        skipDuplicates: true,
      });
    }
  }
}

type Snapshot = {
  actors: { normalized: string; actorId: string }[];
  places: { normalized: string; placeId: string; level: number }[];
  placeNames: Map<string, string[]>;
};

/** How long a process reuses the alias tables before reading them again. */
const SNAPSHOT_TTL_MS = 30_000;
const snapshots = new Map<string, { at: number; value: Promise<Snapshot> }>();

/**
 * The alias tables, read once per 30 s per process: they are small and change only on
 * import, and every search needs them, so reading them from memory saves round trips.
 */
function snapshot(tx: Tx): Promise<Snapshot> {
  const key = process.env.DATABASE_URL ?? "";
  const cached = snapshots.get(key);
  if (cached && Date.now() - cached.at < SNAPSHOT_TTL_MS) return cached.value;
  const value = (async () => {
    if (tx === db) await ensureGazetteer(); // in a transaction, its caller did it first
    const [actors, places] = await Promise.all([
      tx.actorAlias.findMany({ select: { normalized: true, actorId: true } }),
      tx.placeAlias.findMany({
        select: { normalized: true, name: true, placeId: true, place: { select: { level: true } } },
      }),
    ]);
    const placeNames = new Map<string, string[]>();
    for (const p of places)
      placeNames.set(p.placeId, [...(placeNames.get(p.placeId) ?? []), p.name]);
    return {
      actors,
      places: places.map((p) => ({
        normalized: p.normalized,
        placeId: p.placeId,
        level: p.place.level,
      })),
      placeNames,
    };
  })();
  value.catch(() => snapshots.delete(key));
  snapshots.set(key, { at: Date.now(), value });
  return value;
}

/** Forget the cached alias tables (after an import added actors). */
export function invalidateGazetteerCache(): void {
  snapshots.clear();
}

/**
 * Ids of the actors one of whose names (any language, any dataset spelling) contains `text`:
 * "gsim", "jnim" and "نصرة" all give JNIM.
 */
export async function actorIdsMatching(text: string, tx: Tx = db): Promise<string[]> {
  const needle = normalizeText(text);
  if (!needle) return [];
  const { actors } = await snapshot(tx);
  return unique(actors.filter((a) => a.normalized.includes(needle)).map((a) => a.actorId));
}

/**
 * Places one of whose names contains `text`, as the spellings datasets use in admin1 /
 * admin2 / place columns, by level: free text "كاي" then selects Kayes rows by index.
 */
export async function placeSpellings(text: string, tx: Tx = db) {
  const needle = normalizeText(text);
  const out = { admin1: [] as string[], admin2: [] as string[] };
  if (!needle) return out;
  const { places, placeNames } = await snapshot(tx);
  for (const p of places) {
    if (!p.normalized.includes(needle) || (p.level !== 1 && p.level !== 2)) continue;
    out[p.level === 1 ? "admin1" : "admin2"].push(...(placeNames.get(p.placeId) ?? []));
  }
  return { admin1: unique(out.admin1), admin2: unique(out.admin2) };
}

/**
 * For an admin filter: the spellings (as datasets write them) of the place named exactly
 * `name` in any language, so "Kayes", "Région de Kayes" and "كاي" select "Kayes region" rows.
 */
export async function adminSpellings(name: string, level: number, tx: Tx = db) {
  const needle = normalizeText(name);
  const { places, placeNames } = await snapshot(tx);
  const ids = places
    .filter((p) => p.level === level && p.normalized === needle)
    .map((p) => p.placeId);
  return unique([name.trim(), ...ids.flatMap((id) => placeNames.get(id) ?? [])]);
}

function unique(values: string[]): string[] {
  return [...new Set(values)].slice(0, 50);
}
