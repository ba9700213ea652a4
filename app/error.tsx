"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/errors/database-unavailable";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errors");
  const router = useRouter();
  // Next keeps only the digest of a server error in production; ours names the outage.
  const code = error.digest === DATABASE_UNAVAILABLE_DIGEST ? "databaseUnavailable" : "unexpected";
  // The page's server part has to run again, not only this boundary.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main className="centered">
      <div className="card narrow" role="alert" data-testid="error-page" data-code={code}>
        <p>{t(code)}</p>
        <button type="button" onClick={retry} aria-label={t("retry")}>
          ↻
        </button>
      </div>
    </main>
  );
}
