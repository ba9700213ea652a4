import type { Extension } from "@hocuspocus/server";
import type { AfterCompaction } from "@/lib/collab/compaction";
import type { Db } from "@/lib/db";
import { snapshotIfDue } from "@/lib/history/auto-snapshot";
import { SessionSnapshotExtension } from "@/lib/history/session-snapshot";
import { SuggestionGuardExtension } from "@/lib/suggestions/collab-guard";
import { recordContributors, revertApprovalIfEdited } from "./after-edit";

/**
 * What the product does with every compaction round, in order: note who edited (the
 * four-eyes rule reads it), send an approved brief whose content changed back to DRAFT, and
 * take a draft history snapshot when one is due. The collaboration server runs these steps;
 * tests that compact directly pass the same list.
 */
export const AFTER_COMPACTION: readonly AfterCompaction[] = [
  recordContributors,
  revertApprovalIfEdited,
  snapshotIfDue,
];

/**
 * The domains' collaboration extensions: a draft history snapshot when an editing session
 * ends, and the repair of malformed suggestion attributes a client wrote.
 */
export function domainExtensions(client: Db): Extension[] {
  return [new SessionSnapshotExtension({ client }), new SuggestionGuardExtension()];
}

/** Both, as the collaboration server's options take them. */
export const collabHooks = { afterCompaction: AFTER_COMPACTION, domainExtensions } as const;
