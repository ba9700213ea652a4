import type { Connection } from "@hocuspocus/server";

/** What authentication puts on every connection's Hocuspocus context. */
export type CollabContext = {
  user: { id: string; name: string };
  briefId: string;
  workspaceId: string;
  readOnly: boolean;
  /** The session version the token carried; a later one ends the connection (revocation.ts). */
  sessionVersion: number;
};

/** Refusals carry a `reason` that Hocuspocus sends to the provider (authenticationFailed). */
export class CollabRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly code = 4403,
  ) {
    super(reason);
    this.name = "CollabRefusal";
  }
}

/**
 * Refuses a message by closing the client's whole WebSocket, then throwing so Hocuspocus
 * stops handling it. Closing only the document connection (what a thrown error alone does)
 * would leave the provider on an open socket, unauthenticated and never resyncing; a closed
 * socket makes it reconnect, authenticate again and resync its state in one message.
 */
export function refuseMessage(connection: Connection, refusal: CollabRefusal): never {
  connection.webSocket.close(refusal.code, refusal.reason);
  throw refusal;
}

/**
 * The context of an authenticated connection. Hocuspocus types the context loosely; every
 * connection that reaches a document hook went through AuthenticationExtension, which
 * returns a CollabContext.
 */
export function collabContext(context: unknown): CollabContext | undefined {
  if (!context || typeof context !== "object") return undefined;
  const candidate = context as Partial<CollabContext>;
  return candidate.user && typeof candidate.briefId === "string"
    ? (candidate as CollabContext)
    : undefined;
}
