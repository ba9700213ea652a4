import * as Y from "yjs";

/**
 * Whether applying `update` would change `doc`: it carries an item the document does not
 * have yet, or deletes one that is not deleted yet. A browser that reloads replays its
 * IndexedDB copy of the brief to the server, i.e. other people's text it already has;
 * such an update changes nothing and must not make its sender an author (the four-eyes
 * rule and the draft history read authorship from the update log).
 *
 * Cheap enough for every incoming update: it looks only at the update's own structs and
 * delete set, never walks the whole document.
 */
export function addsToDocument(doc: Y.Doc, update: Uint8Array): boolean {
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    // Skip structs are gaps in the update, not content.
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > (known.get(struct.id.client) ?? 0)) return true;
  }
  for (const [client, deletions] of ds.clients) {
    const stored = doc.store.clients.get(client);
    for (const { clock, len } of deletions) {
      // Deleting something the document has not seen yet: it will matter once it arrives.
      if (!stored || clock + len > (known.get(client) ?? 0)) return true;
      for (let i = Y.findIndexSS(stored, clock); i < stored.length; i += 1) {
        const struct = stored[i]!;
        if (struct.id.clock >= clock + len) break;
        if (!struct.deleted) return true;
      }
    }
  }
  return false;
}
