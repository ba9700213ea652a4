/**
 * Telling "the database cannot be reached" apart from "the database refused this query".
 * The first is an outage (stopped, restarting, a dropped connection): the same query will
 * work later, so the collab server keeps and retries its writes and the web app says the
 * database is unavailable. The second is a real answer and must not be retried.
 *
 * The shapes below are the ones Prisma 7 with @prisma/adapter-pg produces (measured against
 * a PostgreSQL that was stopped, killed and restarted under load, see
 * lib/collab/database-outage.test.ts).
 */
import { DatabaseUnavailableError } from "../errors/database-unavailable";

/** Socket errors of the connection to the server. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
]);
/** Prisma: can't reach the server, timed out reaching it, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** What @prisma/adapter-pg calls a lost or unreachable server. */
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/** pg's own errors when a connection dies under a query or cannot be opened in time. */
const DRIVER_MESSAGES = [
  /Connection terminated/i,
  /connection error and is not queryable/i,
  /timeout exceeded when trying to connect/i,
];

/**
 * SQLSTATE class 08 (connection exception); 57P01-03: shutting down, crashed, starting up;
 * 53300: every connection slot taken (a restart's reconnect storm, for instance).
 */
function isOutageSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === "53300";
}

type ErrorFields = {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  kind?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
};

/** Whether `error` (or what caused it) says the database could not be reached. */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const { code, message, cause, kind, meta } = error as ErrorFields;
  if (typeof code === "string") {
    if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isOutageSqlState(code)) return true;
  }
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (typeof message === "string" && DRIVER_MESSAGES.some((pattern) => pattern.test(message))) {
    return true;
  }
  return (
    isDatabaseUnreachable(meta?.driverAdapterError?.cause, depth + 1) ||
    isDatabaseUnreachable(cause, depth + 1)
  );
}

/** The error to throw instead: an outage becomes DatabaseUnavailableError, anything else is kept. */
export function asDatabaseUnavailable(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isDatabaseUnreachable(error)) return error;
  return new DatabaseUnavailableError(error);
}
