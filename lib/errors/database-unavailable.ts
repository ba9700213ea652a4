import { DomainError } from "./domain-error";

/**
 * The digest Next.js keeps on an error thrown while rendering a page (it replaces the
 * message in production, never a digest the error already has), so app/error.tsx can tell
 * "the database is unavailable" from a bug and say so in the reader's language.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "BRIEFROOM_DATABASE_UNAVAILABLE";
export const DATABASE_UNAVAILABLE_REASON = "database-unavailable";

/**
 * The database cannot be reached right now (stopped, restarting, the connection dropped):
 * nothing was read or written, and trying again later will work. lib/db.ts turns every
 * such driver error into this one, so route handlers answer 503, server actions return the
 * `databaseUnavailable` code and pages show the error page for it, each without a catch.
 */
export class DatabaseUnavailableError extends DomainError {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  /**
   * What the collab server tells a client whose connection it refuses because of this
   * (Hocuspocus sends a hook error's `reason`): a reason to try again, not "forbidden".
   */
  readonly reason = DATABASE_UNAVAILABLE_REASON;

  constructor(cause?: unknown) {
    super("databaseUnavailable", {}, "The database is unavailable");
    this.name = "DatabaseUnavailableError";
    this.cause = cause;
  }
}

export function isDatabaseUnavailableError(error: unknown): error is DatabaseUnavailableError {
  return error instanceof DatabaseUnavailableError;
}
