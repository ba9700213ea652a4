import { db, type Tx } from "@/lib/db";
import { ensureGazetteer, invalidateGazetteerCache } from "./gazetteer";
import { splitAllies } from "./actor-names";
import { normalizeText } from "./normalize";

/** The actor names a row mentions: both sides and every associated actor. */
export function actorNames(row: {
  sideA: string | null;
  sideB: string | null;
  assocActors: string | null;
}) {
  return [row.sideA, row.sideB, ...(row.assocActors ?? "").split(";")]
    .map((n) => (n ?? "").trim())
    .filter(Boolean);
}

/**
 * Maps actor names to gazetteer actor ids through their aliases (any language, any dataset
 * spelling). Names never seen before become new actors (with their spelling as an alias), so
 * every row's actors are linked and the actor filter never has to scan text.
 */
export async function actorResolver(names: Iterable<string>, tx: Tx = db) {
  // Inside a transaction the caller has ensured the gazetteer first: filling it here would
  // use a second connection while this one holds the transaction.
  if (tx === db) await ensureGazetteer();
  const aliases = await tx.actorAlias.findMany({ select: { normalized: true, actorId: true } });
  const byName = new Map(aliases.map((a) => [a.normalized, a.actorId]));
  const unknown = new Map<string, string>();
  for (const name of names) {
    if (byName.has(normalizeText(name))) continue;
    for (const part of splitAllies(name)) {
      const key = normalizeText(part);
      if (!byName.has(key)) unknown.set(key, part);
    }
  }
  if (unknown.size > 0) {
    const spellings = [...unknown.values()];
    await tx.actor.createMany({ data: spellings.map((name) => ({ name })), skipDuplicates: true });
    const created = await tx.actor.findMany({
      where: { name: { in: spellings } },
      select: { id: true, name: true },
    });
    const idByName = new Map(created.map((a) => [a.name, a.id]));
    const data = [...unknown].flatMap(([normalized, name]) => {
      const actorId = idByName.get(name);
      return actorId ? [{ actorId, name, normalized, language: null }] : [];
    });
    await tx.actorAlias.createMany({ data, skipDuplicates: true });
    for (const { normalized, actorId } of data) byName.set(normalized, actorId);
    invalidateGazetteerCache();
  }
  return (rowNames: string[]): string[] => {
    const ids = new Set<string>();
    for (const name of rowNames) {
      const whole = byName.get(normalizeText(name));
      if (whole) ids.add(whole);
      else
        for (const part of splitAllies(name)) {
          const id = byName.get(normalizeText(part));
          if (id) ids.add(id);
        }
    }
    return [...ids];
  };
}
