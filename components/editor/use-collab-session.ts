"use client";

import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import type { AccessEndReason } from "@/lib/collab/access-signal";
import { watchAccess } from "@/lib/collab/access-watch";
import {
  isDatabaseUnavailableReason,
  watchDatabaseOutage,
} from "@/lib/collab/database-outage-watch";
import { DATABASE_UNAVAILABLE_REASON } from "@/lib/errors/database-unavailable";

export type ConnectionState =
  "connecting" | "saved" | "saving" | "offline" | "reconnecting" | "denied" | "unavailable";

export type CollabSession = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  state: ConnectionState;
  /**
   * What the collab server says this user may do with the open brief (true: only read), or
   * null before it said; it changes when an admin changes the user's role meanwhile.
   */
  readOnly: boolean | null;
  /** Why the server ended the connection, when access was taken away while it was open. */
  ended: AccessEndReason | null;
};

async function fetchToken(briefId: string): Promise<string> {
  const response = await fetch(`/api/briefs/${briefId}/collab-token`, {
    method: "POST",
    cache: "no-store",
  });
  // 503: the database is down; the provider reports this message as the refusal reason.
  if (response.status === 503) throw new Error(DATABASE_UNAVAILABLE_REASON);
  if (!response.ok) throw new Error(`collab token: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * One brief's shared document: a Y.Doc kept in IndexedDB (so edits made offline survive a
 * closed tab and merge on reconnect) and synced through our Hocuspocus server with a fresh
 * short-lived token on every (re)connection.
 */
export function useCollabSession(briefId: string, collabUrl: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`briefroom-brief-${briefId}`, doc);
    const provider = new HocuspocusProvider({
      url: collabUrl,
      name: `brief.${briefId}`,
      document: doc,
      token: () => fetchToken(briefId),
    });
    let denied = false;
    let everSynced = false;
    const outage = watchDatabaseOutage(provider, () => update());
    // Removed, brief deleted, signed out everywhere: the watch stops the provider, we say why.
    const access = watchAccess(provider, () => update());
    const compute = (): ConnectionState => {
      if (denied || access.ended) return "denied";
      everSynced ||= provider.isSynced;
      // The database is down: our edits wait unacknowledged, or the brief could not be
      // opened for now (the watch reconnects by itself until it opens).
      if (outage.unavailable) return "unavailable";
      if (provider.configuration.websocketProvider.status !== WebSocketStatus.Connected) {
        if (!everSynced) return "connecting";
        return provider.hasUnsyncedChanges || !navigator.onLine ? "offline" : "reconnecting";
      }
      if (!navigator.onLine) {
        return "offline";
      }
      return provider.hasUnsyncedChanges || !provider.isSynced ? "saving" : "saved";
    };
    const update = () =>
      setSession((current) =>
        current
          ? { ...current, state: compute(), readOnly: access.readOnly, ended: access.ended }
          : current,
      );
    provider.on("status", update);
    provider.on("synced", update);
    provider.on("unsyncedChanges", update);
    // The browser knows it is offline before the socket notices (which can take until the
    // provider's 30 s message timeout): say so at once, and resync the moment it is back.
    const socket = provider.configuration.websocketProvider;
    const onOffline = () => {
      socket.disconnect();
      update();
    };
    const onOnline = () => {
      void socket.connect();
      update();
    };
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => {
      if (isDatabaseUnavailableReason(reason)) return; // not a refusal of this user
      denied = true;
      update();
    });
    // The doc and provider are external resources this effect creates and destroys; handing
    // them to render through state is the point (a ref would not re-render the editor).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession({ doc, provider, state: "connecting", readOnly: null, ended: null });
    return () => {
      outage.destroy();
      access.destroy();
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      provider.destroy();
      void local.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [briefId, collabUrl]);

  return session;
}

export { userColor } from "@/lib/collab/presence-color";
