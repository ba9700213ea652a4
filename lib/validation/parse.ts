import type { z } from "zod";
import { DomainError, type ErrorCode } from "@/lib/errors/domain-error";

const KNOWN_CODES = new Set<string>([
  "titleRequired",
  "titleTooLong",
  "invalidLanguage",
  "passwordTooShort",
]);

/**
 * Parses input with a zod schema; the first issue becomes a DomainError whose code is the
 * issue's message when that names a known error message, else "validation".
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const code =
    issue && KNOWN_CODES.has(issue.message) ? (issue.message as ErrorCode) : "validation";
  const values: Record<string, string | number> =
    issue && "maximum" in issue ? { max: Number(issue.maximum) } : {};
  throw new DomainError(code, values, issue?.message);
}
