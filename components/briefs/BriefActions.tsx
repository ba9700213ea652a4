"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  deleteBriefAction,
  renameBriefAction,
  restoreBriefAction,
} from "@/app/(workspace)/w/[workspace]/brief-actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { announceWorkflowStep } from "@/components/workflow/workflow-signal";
import type { ActionResult } from "@/lib/actions/result";

type Props = {
  workspaceSlug: string;
  brief: { id: string; title: string; deleted: boolean };
  canRename: boolean;
  canDelete: boolean;
  canRestore: boolean;
};

export function BriefActions({ workspaceSlug, brief, canRename, canDelete, canRestore }: Props) {
  const t = useTranslations("brief");
  const tBriefs = useTranslations("briefs");
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function run(work: () => Promise<ActionResult<unknown>>, after: () => void) {
    startTransition(async () => {
      const outcome = await work();
      setResult(outcome);
      if (outcome.ok) after();
    });
  }

  if (editing) {
    return (
      <form
        className="inline-form"
        data-testid="rename-form"
        onSubmit={(event) => {
          event.preventDefault();
          const title = String(new FormData(event.currentTarget).get("title") ?? "");
          run(
            () => renameBriefAction(workspaceSlug, { briefId: brief.id, title }),
            () => {
              setEditing(false);
              router.refresh();
              // Renaming an approved brief returns it to draft: the other open pages of the
              // brief refresh their review panel as after a workflow step.
              announceWorkflowStep();
            },
          );
        }}
        onKeyDown={(event) => event.key === "Escape" && setEditing(false)}
      >
        <label className="grow">
          {t("renameLabel")}
          <input name="title" defaultValue={brief.title} dir="auto" autoFocus required />
        </label>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          {t("cancel")}
        </button>
        <ErrorMessage result={result} />
      </form>
    );
  }

  return (
    <div className="toolbar">
      {canRename && !brief.deleted && (
        <button type="button" onClick={() => setEditing(true)}>
          {t("rename")}
        </button>
      )}
      {canDelete && !brief.deleted && (
        <button
          type="button"
          className="danger"
          disabled={pending}
          onClick={() => {
            if (!window.confirm(t("deleteConfirm", { title: brief.title }))) return;
            run(
              () => deleteBriefAction(workspaceSlug, brief.id),
              () => router.push(`/w/${workspaceSlug}`),
            );
          }}
        >
          {t("delete")}
        </button>
      )}
      {canRestore && brief.deleted && (
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            run(
              () => restoreBriefAction(workspaceSlug, brief.id),
              () => router.refresh(),
            )
          }
        >
          {tBriefs("restore")}
        </button>
      )}
      <ErrorMessage result={result} />
    </div>
  );
}
