/**
 * `npm run serve -- --web 2 --collab 2 --port 8080`: Briefroom for a team on one machine.
 * Runs the migrations once as the owner of the tables, then starts the web and collab
 * instances against PostgreSQL and Redis, and nginx in front of them on --port.
 *
 * Env: DATABASE_URL (the runtime role, e.g. briefroom_app), MIGRATION_DATABASE_URL (the
 * owner; DATABASE_URL when unset, with a warning), REDIS_URL (required with --collab > 1),
 * REDIS_PREFIX, AUTH_SECRET (≥ 32 characters), PUBLIC_URL (what people open, when TLS ends in
 * front of this), METRICS_TOKEN. Needs a production build (`npm run build`) and nginx.
 *
 * `--migrate-only` stops after the migrations: a release step of its own, before the instances
 * of the new version are started.
 *
 * SIGHUP restarts every instance in turn (collab first), each drained before the next goes;
 * SIGTERM or SIGINT stops everything.
 */
import { parseArgs } from "node:util";
import { logEvent } from "../log";
import { startDeployment } from "./deployment";
import { migrateOnce } from "./migrate-once";

process.env.BRIEFROOM_PROCESS ??= "serve";
process.env.LOG_FORMAT ??= "json";

function count(value: string | undefined, name: string, fallback: number): number {
  const parsed = Number(value ?? fallback);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be at least 1`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      web: { type: "string" },
      collab: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      "migrate-only": { type: "boolean" },
    },
  });
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL must name the database (as the runtime role).");
  const authSecret = process.env.AUTH_SECRET ?? "";
  if (authSecret.length < 32) throw new Error("AUTH_SECRET must be set (at least 32 characters).");
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || databaseUrl;
  if (ownerUrl === databaseUrl) {
    logEvent(
      "deploy.migration-url.unset",
      { hint: "set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to briefroom_app" },
      "warn",
    );
  }

  await migrateOnce(ownerUrl, databaseUrl);
  if (values["migrate-only"]) {
    console.log("MIGRATED");
    return;
  }
  const deployment = await startDeployment({
    web: count(values.web, "web", 2),
    collab: count(values.collab, "collab", 2),
    port: Number(values.port ?? process.env.PORT ?? 8080),
    host: values.host ?? process.env.HOST ?? "127.0.0.1",
    publicUrl: process.env.PUBLIC_URL || undefined,
    databaseUrl,
    redisUrl: process.env.REDIS_URL || undefined,
    redisPrefix: process.env.REDIS_PREFIX || undefined,
    authSecret,
    echo: true,
  });
  for (const instance of deployment.instances) {
    logEvent("deploy.instance", {
      instance: instance.name,
      port: instance.port,
      pid: instance.child?.pid,
    });
  }
  console.log(`SERVE_READY ${deployment.url}`);

  let busy = false;
  process.on("SIGHUP", () => {
    if (busy) return;
    busy = true;
    logEvent("deploy.rolling-restart.start", {});
    deployment
      .rollingRestart()
      .then(
        () => logEvent("deploy.rolling-restart.done", {}),
        (error: unknown) => logEvent("deploy.rolling-restart.failed", { error }, "error"),
      )
      .finally(() => (busy = false));
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      logEvent("deploy.stopping", { signal });
      void deployment.stop().finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(
    `Briefroom could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
