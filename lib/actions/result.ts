import type { ErrorCode } from "@/lib/errors/domain-error";

/** What a server action returns to a form: data, or an error code the form translates. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: { code: ErrorCode | "unexpected"; values: Record<string, string | number> };
    };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}
