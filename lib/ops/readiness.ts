import Redis from "ioredis";
import type { Db } from "../db";

/** One dependency's answer to a readiness probe. */
export type CheckResult = { ok: true; ms: number } | { ok: false; ms: number; error: string };

export type Readiness = {
  ok: boolean;
  checks: Record<string, CheckResult>;
};

export type ReadinessCheck = () => Promise<void>;

/**
 * A probe must answer before the orchestrator's own timeout, so a dependency that hangs
 * (a firewalled port, a server stuck in recovery) counts as down after this long.
 */
export const CHECK_TIMEOUT_MS = 2_000;

/** The database answers `SELECT 1` through the same client (and pool) the app queries with. */
export function databaseCheck(client: Pick<Db, "$queryRawUnsafe">): ReadinessCheck {
  return async () => {
    await client.$queryRawUnsafe("SELECT 1");
  };
}

/**
 * Redis answers PING. A connection of its own per probe, without retries: the scale-out
 * extension's connection reconnects for ever, so it would hide an outage behind waiting.
 */
export function redisCheck(url: string, timeoutMs = CHECK_TIMEOUT_MS): ReadinessCheck {
  return async () => {
    const redis = new Redis(url, {
      lazyConnect: true,
      connectTimeout: timeoutMs,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableOfflineQueue: false,
    });
    // Errors reach the PING's rejection; without a listener ioredis would also print them.
    redis.on("error", () => {});
    try {
      await redis.connect();
      const answer = await redis.ping();
      if (answer !== "PONG") throw new Error(`unexpected PING answer ${answer}`);
    } finally {
      redis.disconnect();
    }
  };
}

/**
 * Runs every check at once, each bounded by `timeoutMs`. The error kept is the driver's
 * short reason (its last line), never a connection string: the answer is served unauthenticated.
 */
export async function checkReadiness(
  checks: Record<string, ReadinessCheck>,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(checks).map(
      async ([name, check]) => [name, await timed(check, timeoutMs)] as const,
    ),
  );
  return { ok: entries.every(([, result]) => result.ok), checks: Object.fromEntries(entries) };
}

async function timed(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { ok: true, ms: elapsed(started) };
  } catch (error) {
    return { ok: false, ms: elapsed(started), error: shortReason(error) };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (started: number) => Math.round(performance.now() - started);

/** The last non-empty line (Prisma puts the driver's words there), without any URL in it. */
function shortReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const text = cause instanceof Error ? cause.message || cause.name : String(cause);
  const line =
    text
      .split("\n")
      .filter((l) => l.trim())
      .pop() ?? text;
  return line.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "<url>").slice(0, 200);
}

/** What a Briefroom process depends on: the database, and Redis when REDIS_URL is set. */
export function processChecks(options: {
  client: Pick<Db, "$queryRawUnsafe">;
  redisUrl?: string;
}): Record<string, ReadinessCheck> {
  return {
    database: databaseCheck(options.client),
    ...(options.redisUrl ? { redis: redisCheck(options.redisUrl) } : {}),
  };
}
