import * as Y from "yjs";
import { db, type Db } from "../db";
import { proseMirrorNodeFromUpdate } from "../editor/to-json";
import { proseMirrorNodeToText } from "../editor/to-text";
import { asBytes } from "./update-log";

export type StoredBriefState = {
  /** BriefDocument.state, or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Logged updates not yet compacted, oldest first. */
  updates: Uint8Array[];
};

/**
 * Reads a brief's stored Yjs state: the compacted snapshot plus every update still in the
 * log. Updates are read first, snapshot second: a compaction that commits in between
 * deletes only rows it has merged into the snapshot we then read, so nothing is missed
 * (rows read twice are harmless, Yjs updates are idempotent).
 *
 * Every remaining row is loaded rather than `id > compactedThrough`: ids come from a
 * sequence, so a batch can commit with a smaller id after a compaction has moved past it;
 * compaction deletes exactly the rows it merged, so what remains is what is not merged.
 */
export async function loadBriefState(briefId: string, client: Db = db): Promise<StoredBriefState> {
  const rows = await client.briefUpdate.findMany({
    where: { briefId },
    orderBy: { id: "asc" },
    select: { update: true },
  });
  const document = await client.briefDocument.findUnique({
    where: { briefId },
    select: { state: true },
  });
  return { snapshot: document?.state ?? null, updates: rows.map((row) => row.update) };
}

/**
 * Merges stored updates into one. The fast path merges them all at once; if one of them is
 * unreadable (it should never be, appends are validated, but a bad row must not make a brief
 * unopenable), they are merged one by one and the unreadable ones are skipped and reported.
 */
export function mergeStoredUpdates(
  updates: Uint8Array[],
  onSkipped?: (index: number, error: unknown) => void,
): Uint8Array {
  if (updates.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  try {
    return Y.mergeUpdates(updates);
  } catch {
    const scratch = new Y.Doc({ gc: false });
    updates.forEach((update, index) => {
      try {
        Y.applyUpdate(scratch, update);
      } catch (error) {
        onSkipped?.(index, error);
      }
    });
    const merged = Y.encodeStateAsUpdate(scratch);
    scratch.destroy();
    return merged;
  }
}

export function storedStateAsUpdate(
  state: StoredBriefState,
  onSkipped?: (index: number, error: unknown) => void,
): Uint8Array {
  const parts = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
  return mergeStoredUpdates(parts, onSkipped);
}

/**
 * Y.mergeUpdates keeps the content of deleted text; a round trip through a gc-enabled doc
 * drops it (keeping the ids), so the snapshot does not grow with everything ever deleted.
 */
function garbageCollected(update: Uint8Array): Uint8Array {
  const scratch = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(scratch, update);
    return Y.encodeStateAsUpdate(scratch);
  } finally {
    scratch.destroy();
  }
}

export type CompactionResult = { mergedUpdates: number; stateBytes: number };

/**
 * Folds the update log into BriefDocument.state, inside one transaction that holds the
 * BriefDocument row lock (so two instances never interleave), and refreshes contentJson and
 * Brief.contentText. Yjs merges commute, so merging stored state + logged rows is always
 * safe; the in-memory document is never written, so a failed load can't clobber anything.
 * Deletes exactly the rows it merged.
 */
export async function compactBrief(
  briefId: string,
  client: Db = db,
  maxUpdatesPerRound = 20_000,
): Promise<CompactionResult> {
  const result: CompactionResult = { mergedUpdates: 0, stateBytes: 0 };
  for (;;) {
    const round = await client.$transaction(
      async (tx) => {
        await tx.briefDocument.createMany({
          data: [{ briefId, state: asBytes(Y.encodeStateAsUpdate(new Y.Doc())) }],
          skipDuplicates: true,
        });
        await tx.$executeRaw`SELECT 1 FROM brief_documents WHERE brief_id = ${briefId}::uuid FOR UPDATE`;
        const stored = await tx.briefDocument.findUniqueOrThrow({
          where: { briefId },
          select: { state: true, compactedThrough: true },
        });
        const rows = await tx.briefUpdate.findMany({
          where: { briefId },
          orderBy: { id: "asc" },
          take: maxUpdatesPerRound,
          select: { id: true, update: true },
        });
        if (rows.length === 0) return { merged: 0, stateBytes: stored.state.byteLength };

        const merged = mergeStoredUpdates(
          [stored.state, ...rows.map((row) => row.update)],
          (index) => {
            console.warn(
              `[collab] compaction of brief ${briefId} skipped an unreadable update (position ${index})`,
            );
          },
        );
        const state = garbageCollected(merged);
        const node = proseMirrorNodeFromUpdate(state);
        const lastId = rows[rows.length - 1]!.id;
        await tx.briefDocument.update({
          where: { briefId },
          data: {
            state: asBytes(state),
            compactedThrough: lastId > stored.compactedThrough ? lastId : stored.compactedThrough,
            contentJson: node.toJSON() as object,
          },
        });
        const contentText = proseMirrorNodeToText(node);
        await tx.brief.updateMany({
          where: { id: briefId, NOT: { contentText } },
          data: { contentText },
        });
        await tx.briefUpdate.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
        return { merged: rows.length, stateBytes: state.byteLength };
      },
      { timeout: 60_000 },
    );
    result.mergedUpdates += round.merged;
    result.stateBytes = round.stateBytes;
    if (round.merged < maxUpdatesPerRound) return result;
  }
}
