"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updateWorkspaceSettingsAction } from "@/app/(workspace)/w/[workspace]/settings/settings-actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import type { WorkspaceSettingsInput } from "@/lib/workflow/schema";

type Props = { workspaceSlug: string; settings: WorkspaceSettingsInput };

export function WorkspaceSettingsForm({ workspaceSlug, settings }: Props) {
  const t = useTranslations("workflow.settings");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="stack settings-form"
      data-testid="workspace-settings"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          const outcome = await updateWorkspaceSettingsAction(workspaceSlug, {
            fourEyes: form.get("fourEyes") === "on",
            viewersMayComment: form.get("viewersMayComment") === "on",
          });
          setResult(outcome);
          if (outcome.ok) router.refresh();
        });
      }}
    >
      <label className="checkbox">
        <input type="checkbox" name="fourEyes" defaultChecked={settings.fourEyes} />
        {t("fourEyes")}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          name="viewersMayComment"
          defaultChecked={settings.viewersMayComment}
        />
        {t("viewersMayComment")}
      </label>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={pending}>
          {t("save")}
        </button>
        {result?.ok && (
          <span role="status" className="muted" data-testid="settings-saved">
            {t("saved")}
          </span>
        )}
      </div>
      <ErrorMessage result={result} />
    </form>
  );
}
