"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="centered">
      <div className="card narrow" role="alert">
        <p>{t("unexpected")}</p>
        <button type="button" onClick={reset}>
          ↻
        </button>
      </div>
    </main>
  );
}
