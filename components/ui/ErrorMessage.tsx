"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";

/** Shows an action's error in the user's language; nothing when there is none. */
export function ErrorMessage({ result }: { result: ActionResult<unknown> | null }) {
  const t = useTranslations("errors");
  if (!result || result.ok) return null;
  return (
    <p className="error" role="alert" data-testid="form-error">
      {t(result.error.code, result.error.values)}
    </p>
  );
}
