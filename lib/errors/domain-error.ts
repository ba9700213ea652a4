/**
 * An error a user can act on. `code` names a message in lib/i18n/messages (errors.<code>),
 * so the UI shows it in the user's language; `status` is what a route handler answers.
 */
export type ErrorCode =
  | "notFound"
  | "forbidden"
  | "unauthenticated"
  | "validation"
  | "titleRequired"
  | "titleTooLong"
  | "invalidLanguage"
  | "invitationInvalid"
  | "invitationExpired"
  | "invitationUsed"
  | "emailTaken"
  | "alreadyMember"
  | "passwordTooShort"
  | "wrongPassword"
  | "lastAdmin"
  | "cannotChangeOwnRole"
  | "rateLimited"
  | "sourceDuplicate"
  | "sourceCited"
  | "sourceUnsafeUrl"
  | "sourceInvalidDate"
  | "importTooLarge"
  | "importUnreadable"
  | "citationStyleUnknown"
  // incident imports (lib/incidents)
  | "importEncoding"
  | "importEmpty"
  | "importDelimiter"
  | "importNoHeader"
  | "importWrongHeader"
  | "importWrongDataset"
  | "importMalformed"
  | "importTooManyRows"
  | "importHasErrors"
  | "importNothingToCommit"
  | "incidentUnknownSource"
  // review workflow (lib/workflow)
  | "workflowInvalidTransition"
  | "workflowCommentRequired"
  | "workflowFourEyes"
  | "workflowChangedSinceApproval"
  | "workflowPublishProblems"
  | "workflowUnchangedSincePublished"
  // handling markings (lib/workflow/marking.ts)
  | "markingPublicLink"
  | "markingLowerNeedsApprover"
  | "workflowSuggestionsPending"
  // request-level refusals (lib/http)
  | "crossSite"
  | "bodyTooLarge"
  | "savedQueryNameTaken"
  // the database cannot be reached (lib/errors/database-unavailable.ts)
  | "databaseUnavailable"
  // a server without Chromium serves DOCX but cannot render a PDF (lib/export)
  | "pdfUnavailable";

const STATUS: Partial<Record<ErrorCode, number>> = {
  notFound: 404,
  forbidden: 403,
  unauthenticated: 401,
  rateLimited: 429,
  emailTaken: 409,
  alreadyMember: 409,
  sourceDuplicate: 409,
  sourceCited: 409,
  importTooLarge: 413,
  importTooManyRows: 413,
  invitationUsed: 410,
  invitationExpired: 410,
  workflowInvalidTransition: 409,
  workflowFourEyes: 403,
  workflowChangedSinceApproval: 409,
  workflowUnchangedSincePublished: 409,
  markingPublicLink: 409,
  markingLowerNeedsApprover: 403,
  workflowSuggestionsPending: 409,
  crossSite: 403,
  bodyTooLarge: 413,
  savedQueryNameTaken: 409,
  databaseUnavailable: 503,
  pdfUnavailable: 503,
};

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Values interpolated into the translated message, e.g. { max: 300 }. */
  readonly values: Record<string, string | number>;

  constructor(code: ErrorCode, values: Record<string, string | number> = {}, message?: string) {
    super(message ?? code);
    this.name = "DomainError";
    this.code = code;
    this.status = STATUS[code] ?? 400;
    this.values = values;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
