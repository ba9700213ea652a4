"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { publishAction } from "@/app/(workspace)/w/[workspace]/briefs/[briefId]/workflow-actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import type { PublishProblem } from "@/lib/publishing/frozen";
import { announceWorkflowStep } from "./workflow-signal";

type Props = {
  workspaceSlug: string;
  briefId: string;
  publicLink: boolean;
  /** The brief's marking allows a public link (TLP:CLEAR only). */
  linkAllowed: boolean;
  onClose: () => void;
};

/** Publishing asks for the visibility first; a refusal lists every problem to fix. */
export function PublishForm({ workspaceSlug, briefId, publicLink, linkAllowed, onClose }: Props) {
  const t = useTranslations("workflow");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [problems, setProblems] = useState<PublishProblem[]>([]);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="stack publish-form"
      data-testid="publish-form"
      aria-label={t("publishTitle")}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          const outcome = await publishAction(workspaceSlug, {
            briefId,
            publicLink: form.get("publicLink") === "on",
          });
          setResult(outcome);
          if (!outcome.ok) return;
          if (outcome.data.kind === "problems") {
            setProblems(outcome.data.problems);
            return;
          }
          setProblems([]);
          onClose();
          router.refresh();
          announceWorkflowStep();
        });
      }}
      onKeyDown={(event) => event.key === "Escape" && onClose()}
    >
      <label className="checkbox">
        <input
          type="checkbox"
          name="publicLink"
          defaultChecked={publicLink}
          disabled={!linkAllowed}
          aria-describedby={linkAllowed ? undefined : "public-link-needs-clear"}
          autoFocus
        />
        {t("publicLink")}
      </label>
      {!linkAllowed && (
        <p className="muted" id="public-link-needs-clear" data-testid="public-link-needs-clear">
          {t("publicLinkNeedsClear")}
        </p>
      )}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t("working") : t("confirmPublish")}
        </button>
        <button type="button" onClick={onClose}>
          {t("cancel")}
        </button>
      </div>
      {problems.length > 0 && (
        <div className="error" role="alert" data-testid="publish-problems">
          <p>{t("problemsTitle")}</p>
          <ul>
            {problems.map((problem, i) => (
              <li key={i}>
                {problem.kind === "missingSource" &&
                  t("problem.missingSource", { note: problem.note })}
                {problem.kind === "missingIncident" &&
                  t("problem.missingIncident", {
                    note: problem.note,
                    incidentId: problem.incidentId,
                  })}
                {problem.kind === "brokenEmbed" &&
                  t("problem.brokenEmbed", { index: problem.index })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorMessage result={result} />
    </form>
  );
}
