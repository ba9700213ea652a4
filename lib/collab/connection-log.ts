import type { connectedPayload, Extension, onDisconnectPayload } from "@hocuspocus/server";
import { logEvent } from "../ops/log";
import { collabContext } from "./context";

/**
 * A log line when an editor's connection to a brief opens and when it closes: the socket's
 * id, the brief's document name and the user's id, never the token or the document. Which
 * instance served whom is what an operator (and the deployment test) reads from these.
 */
export class ConnectionLogExtension implements Extension {
  extensionName = "BriefConnectionLog";
  // After authentication, so only accepted connections are logged as opened.
  priority = 50;

  async connected({ socketId, documentName, context, connection }: connectedPayload) {
    logEvent("collab.connection.open", {
      connectionId: socketId,
      document: documentName,
      userId: collabContext(context)?.user.id,
      readOnly: connection.readOnly,
    });
  }

  async onDisconnect({ socketId, documentName, clientsCount }: onDisconnectPayload) {
    logEvent("collab.connection.close", {
      connectionId: socketId,
      document: documentName,
      remaining: clientsCount,
    });
  }
}
