"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreBriefAction } from "@/app/(workspace)/w/[workspace]/brief-actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";

export function DeletedBriefs({
  workspaceSlug,
  briefs,
}: {
  workspaceSlug: string;
  briefs: { id: string; title: string }[];
}) {
  const t = useTranslations("briefs");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <details className="card" data-testid="deleted-briefs">
      <summary>
        {t("deleted")} ({briefs.length})
      </summary>
      <p className="muted">{t("deletedHint")}</p>
      <ErrorMessage result={result} />
      <ul className="plain-list">
        {briefs.map((brief) => (
          <li key={brief.id}>
            <span dir="auto">{brief.title}</span>{" "}
            <button
              type="button"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const outcome = await restoreBriefAction(workspaceSlug, brief.id);
                  setResult(outcome);
                  if (outcome.ok) router.refresh();
                })
              }
            >
              {t("restore")}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
