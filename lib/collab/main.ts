/**
 * Runnable collab server: `tsx lib/collab/main.ts`.
 * Env: COLLAB_PORT (default 1234), COLLAB_HOST, DATABASE_URL, REDIS_URL, REDIS_PREFIX,
 * AUTH_SECRET, COLLAB_ALLOWED_ORIGINS (comma-separated; default the app URL),
 * COLLAB_BROADCAST_BEFORE_COMMIT=1 (see PersistenceExtension).
 * LOG_FORMAT=json for one JSON object a line; BRIEFROOM_INSTANCE names this instance in them.
 * Prints `COLLAB_READY <port>` once it accepts connections.
 *
 * SIGTERM (or SIGINT) drains the instance (graceful-shutdown.ts): it stops listening, lets the
 * updates it received commit, closes its editors' sockets with "service restart" so they
 * reconnect to another instance, folds the open briefs' logs into snapshots, then exits 0.
 */
import { assertSchemaNotNewer } from "../ops/deploy/schema-version";
import { logEvent } from "../ops/log";
import { collabHooks } from "../workflow/collab-hooks";
import { ConnectionLogExtension } from "./connection-log";
import { drainCollabServer } from "./graceful-shutdown";
import { parseAllowedOrigins } from "./origin";
import { createCollabServer } from "./server";

process.env.BRIEFROOM_PROCESS ??= "collab";

function allowedOrigins(): string[] {
  const configured = parseAllowedOrigins(process.env.COLLAB_ALLOWED_ORIGINS);
  if (configured.length > 0) return configured;
  const appUrl = process.env.NEXTAUTH_URL ?? process.env.APP_URL ?? "http://localhost:3000";
  console.warn(`[collab] COLLAB_ALLOWED_ORIGINS is not set; allowing only ${appUrl}`);
  return parseAllowedOrigins(appUrl);
}

async function main(): Promise<void> {
  if (!process.env.AUTH_SECRET || process.env.AUTH_SECRET.length < 32) {
    throw new Error(
      "AUTH_SECRET must be set (at least 32 characters), the same value as the web app's.",
    );
  }
  // An instance of an older version must not write to tables a newer one has reshaped.
  if (process.env.DATABASE_URL) await assertSchemaNotNewer(process.env.DATABASE_URL);
  const port = Number(process.env.COLLAB_PORT ?? 1234);
  const server = createCollabServer({
    port,
    address: process.env.COLLAB_HOST,
    allowedOrigins: allowedOrigins(),
    redisUrl: process.env.REDIS_URL || undefined,
    redisPrefix: process.env.REDIS_PREFIX || undefined,
    broadcastBeforeCommit: process.env.COLLAB_BROADCAST_BEFORE_COMMIT === "1",
    // The one place that names the domains: the server itself only runs what it is given.
    ...collabHooks,
    domainExtensions: (client) => [
      ...collabHooks.domainExtensions(client),
      new ConnectionLogExtension(),
    ],
  });
  await server.listen();
  console.log(`COLLAB_READY ${server.address.port}`);
  logEvent("collab.ready", { port: server.address.port, pid: process.pid });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logEvent("collab.stopping", { signal });
    // Acknowledged edits are already in the log; draining only spares editors a resend and
    // folds the logs into snapshots. A drain that hangs (a database gone for good) is cut
    // short: what was not acknowledged stays with its senders.
    const forceExit = setTimeout(
      () => {
        logEvent("collab.drain.timeout", {}, "error");
        process.exit(1);
      },
      Number(process.env.COLLAB_DRAIN_TIMEOUT_MS ?? 15_000),
    );
    forceExit.unref();
    drainCollabServer(server, { log: (event, fields) => logEvent(event, fields) }).then(
      () => process.exit(0),
      (error: unknown) => {
        logEvent("collab.drain.failed", { error }, "error");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  // A bad hook or client must not take every brief down with it; durability does not
  // depend on the process surviving (updates are logged before they are acknowledged).
  process.on("unhandledRejection", (reason) =>
    console.error("[collab] unhandled rejection", reason),
  );
}

main().catch((error: unknown) => {
  console.error("[collab] failed to start", error);
  process.exit(1);
});
