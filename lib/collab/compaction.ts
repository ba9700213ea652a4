/**
 * Compaction: folding a brief's update log into its stored snapshot. What the domains do
 * with each round (who edited, an approval undone by an edit, draft history) is handed in as
 * a list of steps, so this infrastructure never names them; lib/collab/main.ts registers
 * them, and tests that compact directly pass the same list.
 */
import * as Y from "yjs";
import { citationStyleOfDoc } from "../citations/brief-settings";
import { db, type Db, type Tx } from "../db";
import { contentHash } from "../documents/content-hash";
import { acceptedContentJson } from "../editor/accepted-content";
import { applyStoredUpdates } from "../documents/stored-state";
import { proseMirrorNodeOfScratchDoc } from "../editor/to-json";
import { proseMirrorNodeToText } from "../editor/to-text";
import { asBytes } from "./update-log";

/** What one compaction round merged, for the domains that react to edits. */
export type CompactedEdits = {
  briefId: string;
  /** The merged state and its ProseMirror JSON/text/hash after this round. */
  state: Uint8Array;
  contentJson: unknown;
  contentText: string;
  hash: string;
  /** The hash of the accepted content (pending suggestions left out): what approvals are of. */
  acceptedHash?: string;
  /** One entry per merged update: who sent it (null for server-side changes) and when. */
  edits: { userId: string | null; at: Date }[];
};

/**
 * A step run inside the compaction transaction (holding the BriefDocument row lock), in
 * order, so what it writes commits with the merged state or not at all.
 */
export type AfterCompaction = (tx: Tx, round: CompactedEdits) => Promise<void>;

type LoggedRow = { id: bigint; update: Uint8Array; user_id: string | null; created_at: Date };

export type CompactionResult = { mergedUpdates: number; stateBytes: number };

/**
 * Folds the update log into BriefDocument.state, inside one transaction that holds the
 * BriefDocument row lock (so two instances never interleave), and refreshes contentJson,
 * Brief.contentText and Brief.citationStyle (from the document's settings map). Yjs merges
 * commute, so merging stored state + logged rows is always safe; the in-memory document is
 * never written, so a failed load can't clobber anything. Deletes exactly the rows it merged.
 */
export async function compactBrief(
  briefId: string,
  options: {
    afterCompaction: readonly AfterCompaction[];
    client?: Db;
    maxUpdatesPerRound?: number;
  },
): Promise<CompactionResult> {
  const client = options.client ?? db;
  const maxUpdatesPerRound = options.maxUpdatesPerRound ?? 20_000;
  const result: CompactionResult = { mergedUpdates: 0, stateBytes: 0 };
  for (;;) {
    const round = await client.$transaction(
      async (tx) => {
        await tx.briefDocument.createMany({
          data: [{ briefId, state: asBytes(Y.encodeStateAsUpdate(new Y.Doc())) }],
          skipDuplicates: true,
        });
        const [stored] = await tx.$queryRaw<
          Array<{ state: Uint8Array; compacted_through: bigint }>
        >`
          SELECT state, compacted_through FROM brief_documents WHERE brief_id = ${briefId}::uuid FOR UPDATE`;
        const rows = await tx.$queryRaw<LoggedRow[]>`
          SELECT id, update, user_id, created_at FROM brief_updates WHERE brief_id = ${briefId}::uuid
          ORDER BY id LIMIT ${maxUpdatesPerRound}`;
        if (!stored || rows.length === 0)
          return { merged: 0, stateBytes: stored?.state.byteLength ?? 0 };

        const scratch = new Y.Doc();
        applyStoredUpdates(scratch, [stored.state, ...rows.map((row) => row.update)], (index) => {
          console.warn(
            `[collab] compaction of brief ${briefId} skipped an unreadable update (#${index})`,
          );
        });
        // Encode before reading the ProseMirror node: y-prosemirror may delete elements that
        // do not fit the schema from the doc it reads, and those belong in the stored state.
        const state = Y.encodeStateAsUpdate(scratch);
        const node = proseMirrorNodeOfScratchDoc(scratch);
        // The document's citation style (a Y.Map beside the content) is the source of
        // truth; Brief.citationStyle is derived from it here, like contentText.
        const citationStyle = citationStyleOfDoc(scratch);
        scratch.destroy();
        const lastId = rows[rows.length - 1]!.id;
        await tx.briefDocument.update({
          where: { briefId },
          data: {
            state: asBytes(state),
            compactedThrough: lastId > stored.compacted_through ? lastId : stored.compacted_through,
            contentJson: node.toJSON() as object,
          },
        });
        const contentText = proseMirrorNodeToText(node);
        await tx.brief.updateMany({
          where: { id: briefId, NOT: { contentText } },
          data: { contentText },
        });
        if (citationStyle) {
          await tx.brief.updateMany({
            where: { id: briefId, NOT: { citationStyle } },
            data: { citationStyle },
          });
        }
        const ids = rows.map((row) => row.id);
        await tx.$executeRaw`DELETE FROM brief_updates WHERE id = ANY(${ids}::bigint[])`;
        const merged: CompactedEdits = {
          briefId,
          state,
          contentJson: node.toJSON() as unknown,
          contentText,
          hash: contentHash(node.toJSON(), citationStyle),
          acceptedHash: contentHash(acceptedContentJson(node.toJSON()), citationStyle),
          edits: rows.map((row) => ({ userId: row.user_id, at: row.created_at })),
        };
        if (merged.edits.length > 0) {
          for (const step of options.afterCompaction) await step(tx, merged);
        }
        return { merged: rows.length, stateBytes: state.byteLength };
      },
      { timeout: 60_000 },
    );
    result.mergedUpdates += round.merged;
    result.stateBytes = round.stateBytes;
    if (round.merged < maxUpdatesPerRound) return result;
  }
}
