import * as Y from "yjs";
import { citationStyleOfDoc } from "@/lib/citations/brief-settings";
import type { CompactedEdits } from "@/lib/collab/compaction";
import type { Tx } from "@/lib/db";
import type { LiveDocument } from "@/lib/publishing/live-document";
import { lastSnapshot, takeSnapshot } from "./snapshots";

const DEFAULT_INTERVAL_MS = 5 * 60_000;

/**
 * How much editing happens between two ACTIVITY snapshots. HISTORY_SNAPSHOT_INTERVAL_MS
 * overrides the default of 5 minutes (tests use 0 or a few hundred ms).
 */
export function snapshotIntervalMs(): number {
  const raw = Number(process.env.HISTORY_SNAPSHOT_INTERVAL_MS);
  return Number.isFinite(raw) && raw >= 0 && process.env.HISTORY_SNAPSHOT_INTERVAL_MS
    ? raw
    : DEFAULT_INTERVAL_MS;
}

/**
 * Called inside every compaction transaction: takes an ACTIVITY snapshot once the edits
 * merged since the last snapshot span the interval (measured on the edits' own times, so
 * an idle brief never piles up snapshots), and only when the content differs from it.
 * A brief's very first snapshot waits the interval from its first logged edit too.
 */
export async function snapshotIfDue(tx: Tx, round: CompactedEdits): Promise<void> {
  if (round.edits.length === 0) return;
  const last = await lastSnapshot(tx, round.briefId);
  if (last?.contentHash === round.hash) return;
  const latestEdit = Math.max(...round.edits.map((e) => e.at.getTime()));
  const since = last?.createdAt.getTime() ?? (await firstEditAt(tx, round));
  if (latestEdit - since < snapshotIntervalMs()) return;
  const authors = round.edits.flatMap((e) => (e.userId ? [e.userId] : []));
  await takeSnapshot(tx, round.briefId, "ACTIVITY", liveOfRound(round), authors);
}

async function firstEditAt(tx: Tx, round: CompactedEdits): Promise<number> {
  const first = await tx.briefContributor.aggregate({
    where: { briefId: round.briefId },
    _min: { firstEditedAt: true },
  });
  const inRound = Math.min(...round.edits.map((e) => e.at.getTime()));
  return Math.min(inRound, first._min.firstEditedAt?.getTime() ?? inRound);
}

/** The round's merged document in the shape takeSnapshot takes (no second load). */
function liveOfRound(round: CompactedEdits): LiveDocument {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, round.state);
    return {
      state: round.state,
      json: round.contentJson as LiveDocument["json"],
      text: round.contentText,
      citationStyle: citationStyleOfDoc(scratch),
      hash: round.hash,
    };
  } finally {
    scratch.destroy();
  }
}
