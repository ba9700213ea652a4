import { Redis } from "@hocuspocus/extension-redis";

export type RedisScaleOutOptions = {
  /** redis://[user:password@]host:port[/db] or rediss:// for TLS. */
  url: string;
  /** Key and channel namespace, so several deployments (or test runs) can share one Redis. */
  prefix?: string;
};

/**
 * Several collab instances serving one brief: each instance publishes the updates and
 * awareness it receives and applies what the others publish (@hocuspocus/extension-redis).
 * Storage stays per instance: each logs the updates its own clients send, and compaction is
 * serialised by the BriefDocument row lock (the extension's Redis lock only skips work).
 */
export function createRedisExtension({
  url,
  prefix = "briefroom-collab",
}: RedisScaleOutOptions): Redis {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return new Redis({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    prefix,
    options: {
      username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      db: Number.isInteger(db) ? db : 0,
      tls: parsed.protocol === "rediss:" ? {} : undefined,
    },
  });
}
