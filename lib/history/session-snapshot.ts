import type { afterUnloadDocumentPayload, Extension, onChangePayload } from "@hocuspocus/server";
import { db, type Db } from "@/lib/db";
import { parseBriefDocumentName } from "@/lib/collab/document-name";
import { takeSnapshot } from "./snapshots";

/**
 * Draft history: a SESSION snapshot when an editing session ends, i.e. when the last client
 * has left and Hocuspocus unloads the document (after its final compaction, so the stored
 * state is complete). Only documents that changed while loaded qualify: opening and
 * closing a brief records nothing; takeSnapshot also skips content equal to the last one.
 */
export class SessionSnapshotExtension implements Extension {
  extensionName = "BriefSessionSnapshot";
  private readonly changed = new Set<string>();
  private readonly client: Db;

  constructor(options: { client?: Db } = {}) {
    this.client = options.client ?? db;
  }

  async onChange({ documentName }: onChangePayload): Promise<void> {
    this.changed.add(documentName);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    if (!this.changed.delete(documentName)) return;
    const briefId = parseBriefDocumentName(documentName);
    if (!briefId) return;
    try {
      await this.client.$transaction((tx) => takeSnapshot(tx, briefId, "SESSION"), {
        timeout: 30_000,
      });
    } catch (error) {
      // History is best effort: a failed snapshot must never disturb the collab server.
      console.error(`[history] could not take a session snapshot of ${documentName}`, error);
    }
  }
}
