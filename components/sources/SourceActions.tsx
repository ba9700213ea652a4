"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  archiveSourceAction,
  deleteSourceAction,
} from "@/app/(workspace)/w/[workspace]/sources/actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";

/** Archive / restore / delete. A refused delete shows which briefs cite the source. */
export function SourceActions({
  workspaceSlug,
  sourceId,
  archived,
}: {
  workspaceSlug: string;
  sourceId: string;
  archived: boolean;
}) {
  const t = useTranslations("sources.detail");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<null> | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <div className="source-actions" data-testid="source-actions">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const outcome = await archiveSourceAction(workspaceSlug, {
              sourceId,
              archived: !archived,
            });
            setResult(outcome);
            if (outcome.ok) router.refresh();
          })
        }
      >
        {archived ? t("unarchive") : t("archive")}
      </button>
      <button
        type="button"
        className="danger"
        disabled={pending}
        data-testid="delete-source"
        onClick={() => {
          if (!window.confirm(t("confirmDelete"))) return;
          startTransition(async () => {
            const outcome = await deleteSourceAction(workspaceSlug, sourceId);
            setResult(outcome);
            if (outcome.ok) router.push(`/w/${workspaceSlug}/sources`);
          });
        }}
      >
        {t("delete")}
      </button>
      <ErrorMessage result={result} />
    </div>
  );
}
