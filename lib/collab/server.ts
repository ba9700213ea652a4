import { Server, type Extension } from "@hocuspocus/server";
import { db } from "../db";
import { AuthenticationExtension } from "./authentication";
import { AwarenessGuardExtension } from "./awareness-guard";
import { CommentSignalExtension } from "./comment-signal";
import type { AfterCompaction } from "./compaction";
import { LimitsExtension, type CollabLimits } from "./limits";
import { opsEndpoints } from "./ops-endpoints";
import { PersistenceExtension } from "./persistence";
import { RevocationExtension } from "./revocation";
import { createRedisExtension } from "./redis";
import { UpdateLogWriter } from "./update-log";

export type CollabServerOptions = {
  /** 0 picks a free port (tests); read the chosen one from `server.address.port` after listen(). */
  port: number;
  /** Interface to bind; defaults to all interfaces like Hocuspocus. */
  address?: string;
  /** Allowed WebSocket Origins (e.g. the web app's URL). */
  allowedOrigins: readonly string[];
  /** When set, instances share documents through Redis. */
  redisUrl?: string;
  redisPrefix?: string;
  limits?: Partial<CollabLimits>;
  client?: typeof db;
  /** Compaction runs this long after the last change, and at least this often while editing (ms). */
  compactAfterMs?: number;
  compactAtLeastEveryMs?: number;
  quiet?: boolean;
  /** See PersistenceExtension: broadcast at once, acknowledge after the commit. */
  broadcastBeforeCommit?: boolean;
  /** The domains' steps after each compaction round, awaited inside its transaction. */
  afterCompaction?: readonly AfterCompaction[];
  /**
   * The domains' own extensions, run after persistence (so an afterUnloadDocument of theirs
   * sees the final compaction done). Built per server, as they may hold a client.
   */
  domainExtensions?: (client: typeof db) => Extension[];
};

/**
 * The Briefroom collab server: Hocuspocus with our extensions in an explicit order. Limits
 * run before persistence so refused messages are never logged; authentication decides
 * before any content is loaded. The Redis extension, when present, sorts itself first
 * (priority 1000) so its lock wraps our compaction.
 */
export function createCollabServer(options: CollabServerOptions): Server {
  const client = options.client ?? db;
  const limits = new LimitsExtension(options.limits);
  const extensions: Extension[] = [
    limits,
    opsEndpoints({ client, redisUrl: options.redisUrl }),
    new AuthenticationExtension({ allowedOrigins: options.allowedOrigins, client }),
    new RevocationExtension({ client }),
    new AwarenessGuardExtension(),
    new CommentSignalExtension(),
    new PersistenceExtension({
      client,
      writer: new UpdateLogWriter(client),
      broadcastBeforeCommit: options.broadcastBeforeCommit,
      afterCompaction: options.afterCompaction,
    }),
    ...(options.domainExtensions?.(client) ?? []),
  ];
  if (options.redisUrl) {
    extensions.unshift(
      createRedisExtension({ url: options.redisUrl, prefix: options.redisPrefix }),
    );
  }

  return new Server({
    name: "briefroom-collab",
    port: options.port,
    address: options.address,
    quiet: options.quiet ?? true,
    // main.ts owns signal handling so it can log and exit with the right code.
    stopOnSignals: false,
    extensions,
    debounce: options.compactAfterMs ?? 3_000,
    maxDebounce: options.compactAtLeastEveryMs ?? 20_000,
    unloadImmediately: true,
    // ws refuses frames above this before buffering them and closes only that socket (1009).
    websocketOptions: { maxPayload: limits.limits.maxMessageBytes },
  });
}
