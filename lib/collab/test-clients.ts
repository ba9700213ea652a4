/**
 * Test helpers: real HocuspocusProviders over real WebSockets (ws in Node), and the collab
 * server as a child process for crash and multi-instance tests.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import WebSocket from "ws";
import * as Y from "yjs";
import { mintCollabToken } from "../auth/collab-token";
import type { Role } from "../policy/can";
import { briefDocumentName } from "./document-name";

export const TEST_ORIGIN = "http://app.briefroom.test";
export const TEST_AUTH_SECRET = "collab-test-secret-0123456789abcdef0123456789";
const ROOT = path.resolve(__dirname, "..", "..");

/** ws does not send an Origin unless told; browsers always do. */
export function webSocketWithOrigin(origin: string | undefined): new (url: string) => WebSocket {
  return class OriginWebSocket extends WebSocket {
    constructor(url: string) {
      super(url, origin ? { origin } : {});
    }
  };
}

export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type TestClient = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Reasons given by the server when it refused the token/brief. */
  refusals: string[];
  closeCodes: number[];
  /** Reasons of the document's close messages and the socket's close events, in order. */
  closeReasons: string[];
  destroy(): void;
};

export type ConnectOptions = {
  url: string;
  briefId: string;
  user: { id: string; name: string };
  role?: Role;
  token?: string;
  origin?: string | null;
  doc?: Y.Doc;
};

export async function connectClient(options: ConnectOptions): Promise<TestClient> {
  const doc = options.doc ?? new Y.Doc();
  const token =
    options.token ??
    (await mintCollabToken({
      userId: options.user.id,
      name: options.user.name,
      briefId: options.briefId,
      role: options.role ?? "EDITOR",
    }));
  const refusals: string[] = [];
  const closeCodes: number[] = [];
  const closeReasons: string[] = [];
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: webSocketWithOrigin(
      options.origin === null ? undefined : (options.origin ?? TEST_ORIGIN),
    ),
    // Reconnect quickly: the crash test restarts the server under the clients.
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
    factor: 1.5,
    jitter: false,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: briefDocumentName(options.briefId),
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => refusals.push(reason),
    onClose: ({ event }) => {
      closeCodes.push(event.code);
      closeReasons.push(event.reason);
    },
  });
  // A provider on a websocket it does not own only connects once attached.
  provider.attach();
  return {
    doc,
    provider,
    refusals,
    closeCodes,
    closeReasons,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

export async function waitSynced(client: TestClient, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => client.provider.isSynced, "the provider to sync", timeoutMs);
}

/** Waits until the server has acknowledged every local change (SyncStatus for each). */
export async function waitAcknowledged(client: TestClient, timeoutMs = 10_000): Promise<void> {
  await waitFor(
    () => client.provider.isSynced && !client.provider.hasUnsyncedChanges,
    "the server to acknowledge",
    timeoutMs,
  );
}

/** Appends a paragraph the way Tiptap's Collaboration extension stores one. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment("default");
    fragment.insert(fragment.length, [paragraph]);
  });
}

export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment("default")
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) => (child instanceof Y.XmlText ? child.toString() : ""))
            .join("")
        : "",
    );
}

export type CollabProcess = {
  child: ChildProcess;
  port: number;
  url: string;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

/**
 * Starts `lib/collab/main.ts` in its own Node process (node --import tsx, not the tsx CLI,
 * so that SIGKILL hits the server itself rather than a wrapper) and waits for COLLAB_READY.
 */
// Not NodeJS.ProcessEnv: Next.js declares NODE_ENV required there.
export function startCollabProcess(
  env: Record<string, string | undefined>,
): Promise<CollabProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "lib/collab/main.ts")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        AUTH_SECRET: TEST_AUTH_SECRET,
        COLLAB_ALLOWED_ORIGINS: TEST_ORIGIN,
        COLLAB_HOST: "127.0.0.1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const kill = (signal: NodeJS.Signals = "SIGKILL") =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`collab server did not start:\n${output.slice(-3000)}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /COLLAB_READY (\d+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        const port = Number(ready[1]);
        resolve({ child, port, url: `ws://127.0.0.1:${port}`, output: () => output, kill });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `collab server exited (${code ?? signal}) before it was ready:\n${output.slice(-3000)}`,
        ),
      );
    });
  });
}
