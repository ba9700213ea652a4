import { db, type Tx } from "@/lib/db";
import { ACTORS, PLACES } from "./gazetteer-data";
import { normalizeText } from "./normalize";

// Databases (by URL) already checked in this process: searches call ensureGazetteer on
// every request, and only the first one per process pays for the two counts.
// Concurrent callers share one fill (the searches of one request run in parallel).
const ensured = new Map<string, Promise<void>>();

/** Puts the reference actors and places in the database if missing; cheap when present. */
export function ensureGazetteer(tx: Tx = db): Promise<void> {
  const key = process.env.DATABASE_URL ?? "";
  let done = ensured.get(key);
  if (!done) {
    done = fillGazetteer(tx).catch((error: unknown) => {
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

/**
 * Every normalized name of the actors one of whose names contains `text` (so "نصرة", "gsim"
 * and "jnim" all give JNIM's names), plus `text` itself. At most 40 terms.
 */
export async function actorTerms(text: string, tx: Tx = db): Promise<string[]> {
  const needle = normalizeText(text);
  if (!needle) return [];
  await ensureGazetteer();
  const matches = await tx.actorAlias.findMany({
    where: { normalized: { contains: needle } },
    select: { actor: { select: { aliases: { select: { normalized: true } } } } },
    take: 20,
  });
  return unique([needle, ...matches.flatMap((m) => m.actor.aliases.map((a) => a.normalized))]);
}

/** Same for places: every normalized name of the places a name of which contains `text`. */
export async function placeTerms(text: string, tx: Tx = db): Promise<string[]> {
  const needle = normalizeText(text);
  if (!needle) return [];
  await ensureGazetteer();
  const matches = await tx.placeAlias.findMany({
    where: { normalized: { contains: needle } },
    select: { place: { select: { aliases: { select: { normalized: true } } } } },
    take: 20,
  });
  return unique([needle, ...matches.flatMap((m) => m.place.aliases.map((a) => a.normalized))]);
}

/**
 * For an admin filter: the spellings (as datasets write them) of the place named exactly
 * `name` in any language, so "Kayes", "Région de Kayes" and "كاي" select "Kayes region" rows.
 */
export async function adminSpellings(name: string, level: number, tx: Tx = db) {
  const needle = normalizeText(name);
  await ensureGazetteer();
  const matches = await tx.placeAlias.findMany({
    where: { normalized: needle, place: { level } },
    select: { place: { select: { aliases: { select: { name: true } } } } },
  });
  return unique([name.trim(), ...matches.flatMap((m) => m.place.aliases.map((a) => a.name))]);
}

function unique(values: string[]): string[] {
  return [...new Set(values)].slice(0, 40);
}
