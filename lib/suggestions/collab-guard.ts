import { isTransactionOrigin, type Extension, type onChangePayload } from "@hocuspocus/server";
import { repairSuggestionAttributes, updateHasMalformedSuggestion } from "./repair";

/**
 * The collab server's check of suggestions: an update from a client that writes a
 * malformed suggestion attribute (bad id, author, time, a huge name, not an object) is
 * followed at once by the server's own repair, logged and sent to everyone like any edit
 * (lib/collab/persistence.ts logs server-side changes). Updates of well-behaved clients
 * cost one decode of the update, never a walk of the document.
 */
export class SuggestionGuardExtension implements Extension {
  extensionName = "BriefSuggestionGuard";

  async onChange({ update, document, transactionOrigin }: onChangePayload): Promise<void> {
    // Only what a client sent: our own repair and other instances' (already repaired) pass.
    if (!isTransactionOrigin(transactionOrigin) || transactionOrigin.source !== "connection")
      return;
    let malformed = false;
    try {
      malformed = updateHasMalformedSuggestion(update);
    } catch {
      return; // not ours to judge: persistence validated the update
    }
    if (malformed) repairSuggestionAttributes(document, { source: "local" });
  }
}
