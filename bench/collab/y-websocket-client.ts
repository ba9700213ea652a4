/**
 * An editor on y-websocket's reference server, through its own client (`y-websocket`'s
 * WebsocketProvider): the reference run speaks the plain y-protocols sync, not Hocuspocus's.
 */
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { ConnectEditor } from "./typing";

export const yWebsocketClient: ConnectEditor = async ({ url, briefId }) => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, `brief-${briefId}`, doc, {
    // ws stands in for the browser's WebSocket (the provider only uses its browser API).
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has a BroadcastChannel: without this, clients of one process would sync through
    // it instead of through the server under test.
    disableBc: true,
  });
  return {
    doc,
    origin: provider,
    isSynced: () => provider.synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
};
