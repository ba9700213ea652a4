import type { Extension, onAuthenticatePayload, onUpgradePayload } from "@hocuspocus/server";
import type { Duplex } from "node:stream";
import { CollabTokenError, verifyCollabToken } from "../auth/collab-token";
import { db, type Db } from "../db";
import { loadBriefForUser, nullWhenRefused } from "../briefs/load-brief";
import { can } from "../policy/can";
import { CollabRefusal, type CollabContext } from "./context";
import { parseBriefDocumentName } from "./document-name";
import { isAllowedOrigin } from "./origin";

/**
 * Who may open a brief, decided before anything of the brief's content is read:
 *  1. the WebSocket Origin is in the allow-list (checked at the HTTP upgrade, and again here
 *     for integrations that skip onUpgrade);
 *  2. the collab token is valid, was minted for this very brief, and carries the user's
 *     current session version (a user who signed out everywhere cannot connect with a token
 *     minted before that; revocation.ts closes connections already open);
 *  3. the brief exists and the user's *current* membership passes can(): "brief.read" to
 *     connect, "brief.edit" to write, otherwise the connection is read-only.
 * Unknown and forbidden briefs get the same answer, so ids cannot be probed.
 */
export class AuthenticationExtension implements Extension {
  extensionName = "BriefAuthentication";
  private readonly client: Db;
  private readonly allowedOrigins: readonly string[];

  constructor(options: { allowedOrigins: readonly string[]; client?: Db }) {
    this.allowedOrigins = options.allowedOrigins;
    this.client = options.client ?? db;
  }

  async onUpgrade({ request, socket }: onUpgradePayload): Promise<void> {
    if (isAllowedOrigin(request.headers.origin, this.allowedOrigins)) return;
    refuseUpgrade(socket as Duplex);
    // Hocuspocus stops the upgrade when a hook rejects, and rethrows (into an unhandled
    // rejection) anything truthy: an empty rejection is the documented way to just stop.
    return Promise.reject();
  }

  async onAuthenticate({
    token,
    documentName,
    requestHeaders,
    connectionConfig,
  }: onAuthenticatePayload): Promise<CollabContext> {
    if (!isAllowedOrigin(requestHeaders.get("origin"), this.allowedOrigins)) {
      throw new CollabRefusal("origin-not-allowed");
    }
    const briefId = parseBriefDocumentName(documentName);
    if (!briefId) throw new CollabRefusal("forbidden");

    let claims;
    try {
      claims = await verifyCollabToken(token);
    } catch (error) {
      throw new CollabRefusal(
        error instanceof CollabTokenError && error.reason === "expired"
          ? "token-expired"
          : "invalid-token",
        4401,
      );
    }
    if (claims.briefId !== briefId) throw new CollabRefusal("token-for-another-brief", 4401);
    const account = await this.client.user.findUnique({
      where: { id: claims.userId },
      select: { sessionVersion: true },
    });
    if (!account || account.sessionVersion !== claims.sessionVersion) {
      throw new CollabRefusal("session-revoked", 4401);
    }

    const access = await nullWhenRefused(
      loadBriefForUser(claims.userId, { id: briefId }, "brief.read", { tx: this.client }),
    );
    if (!access) throw new CollabRefusal("forbidden");
    const { brief, member } = access;

    const readOnly = !can(member, "brief.edit", brief.resource);
    connectionConfig.readOnly = readOnly;
    return {
      user: { id: claims.userId, name: claims.name },
      briefId,
      workspaceId: brief.workspaceId,
      readOnly,
      sessionVersion: claims.sessionVersion,
    };
  }
}

function refuseUpgrade(socket: Duplex): void {
  socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  // end() flushes the response first; destroy whatever lingers (a client that never reads).
  setTimeout(() => socket.destroy(), 1_000).unref();
}
