/**
 * One line per event. With LOG_FORMAT=json (what `npm run serve` sets) each line is a JSON
 * object a log shipper can read: time, level, process, instance, event, and the event's own
 * fields (request id, connection id, brief id, status, duration). Otherwise the same event as
 * a short human line. Callers pass identifiers and counts only, never document text, tokens,
 * cookies or passwords; `fields` named like a secret are dropped here as a last guard.
 */
export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const SECRET_NAME = /token|secret|password|cookie|authorization|content|text/i;

export function jsonLogs(env: Record<string, string | undefined> = process.env): boolean {
  return env.LOG_FORMAT === "json";
}

function clean(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_NAME.test(key) || value === undefined) continue;
    out[key] = value instanceof Error ? value.message : value;
  }
  return out;
}

/** The line `logEvent` writes, without writing it (tests read it). */
export function formatLogLine(
  level: LogLevel,
  event: string,
  fields: LogFields = {},
  env: Record<string, string | undefined> = process.env,
): string {
  const safe = clean(fields);
  if (jsonLogs(env)) {
    return JSON.stringify({
      time: new Date().toISOString(),
      level,
      process: env.BRIEFROOM_PROCESS,
      instance: env.BRIEFROOM_INSTANCE,
      event,
      ...safe,
    });
  }
  const rest = Object.entries(safe)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
  return `[${env.BRIEFROOM_INSTANCE ?? env.BRIEFROOM_PROCESS ?? "briefroom"}] ${event}${rest ? ` ${rest}` : ""}`;
}

export function logEvent(event: string, fields: LogFields = {}, level: LogLevel = "info"): void {
  const line = formatLogLine(level, event, fields);
  if (level === "info") process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
}
