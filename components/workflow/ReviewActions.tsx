"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  approveAction,
  requestChangesAction,
  setPublicLinkAction,
  submitForReviewAction,
  withdrawFromReviewAction,
} from "@/app/(workspace)/w/[workspace]/briefs/[briefId]/workflow-actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import { allowsPublicLink, type TlpMarking } from "@/lib/tradecraft/tlp";
import type { BriefStatus, PersonEvent } from "@/lib/workflow/state-machine";
import { PublishForm } from "./PublishForm";
import { announceWorkflowStep } from "./workflow-signal";

type Props = {
  workspaceSlug: string;
  briefId: string;
  events: PersonEvent[];
  /** The brief's status as the page was rendered (PUBLISHED: submitting means a revision). */
  status: BriefStatus;
  fourEyesBlocked: boolean;
  publicLink: boolean;
  /** Only TLP:CLEAR may have a public link. */
  marking: TlpMarking;
  canSetVisibility: boolean;
};

type Open = null | "requestChanges" | "publish";

/** The buttons of the review panel; each refreshes the page after a successful step. */
export function ReviewActions(props: Props) {
  const { workspaceSlug, briefId, events, fourEyesBlocked, publicLink, canSetVisibility } = props;
  const linkAllowed = allowsPublicLink(props.marking);
  const revising = props.status === "PUBLISHED";
  const t = useTranslations("workflow");
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function run(work: () => Promise<ActionResult<unknown>>) {
    startTransition(async () => {
      const outcome = await work();
      setResult(outcome);
      if (outcome.ok) {
        setOpen(null);
        router.refresh();
        announceWorkflowStep();
      }
    });
  }
  const step = (action: typeof approveAction) => () =>
    run(() => action(workspaceSlug, { briefId }));

  if (events.length === 0 && !canSetVisibility) return null;
  return (
    <div className="stack" data-testid="review-actions">
      {fourEyesBlocked && (
        <p className="banner warning" role="note" data-testid="four-eyes-note">
          {t("fourEyesNote")}
        </p>
      )}
      <div className="toolbar" role="group" aria-label={t("actions")}>
        {events.includes("submit") && (
          <button
            type="button"
            className="primary"
            disabled={pending}
            data-testid="workflow-submit"
            onClick={step(submitForReviewAction)}
          >
            {revising ? t("submitChanges") : t("submit")}
          </button>
        )}
        {events.includes("approve") && (
          <button
            type="button"
            className="primary"
            disabled={pending}
            data-testid="workflow-approve"
            onClick={step(approveAction)}
          >
            {t("approve")}
          </button>
        )}
        {events.includes("requestChanges") && (
          <button
            type="button"
            aria-expanded={open === "requestChanges"}
            disabled={pending}
            data-testid="workflow-requestChanges"
            onClick={() => setOpen(open === "requestChanges" ? null : "requestChanges")}
          >
            {t("requestChanges")}
          </button>
        )}
        {events.includes("withdraw") && (
          <button
            type="button"
            disabled={pending}
            data-testid="workflow-withdraw"
            onClick={step(withdrawFromReviewAction)}
          >
            {t("withdraw")}
          </button>
        )}
        {events.includes("publish") && (
          <button
            type="button"
            className="primary"
            aria-expanded={open === "publish"}
            disabled={pending}
            data-testid="workflow-publish"
            onClick={() => setOpen(open === "publish" ? null : "publish")}
          >
            {t("publish")}
          </button>
        )}
        {canSetVisibility && (
          <button
            type="button"
            disabled={pending || (!publicLink && !linkAllowed)}
            title={!publicLink && !linkAllowed ? t("publicLinkNeedsClear") : undefined}
            data-testid="toggle-visibility"
            onClick={() =>
              run(() => setPublicLinkAction(workspaceSlug, { briefId, publicLink: !publicLink }))
            }
          >
            {publicLink ? t("makePrivate") : t("makePublic")}
          </button>
        )}
        {pending && (
          <span className="muted" role="status">
            {t("working")}
          </span>
        )}
      </div>
      {open === "requestChanges" && (
        <form
          className="stack"
          data-testid="request-changes-form"
          onSubmit={(event) => {
            event.preventDefault();
            const comment = String(new FormData(event.currentTarget).get("comment") ?? "");
            run(() => requestChangesAction(workspaceSlug, { briefId, comment }));
          }}
          onKeyDown={(event) => event.key === "Escape" && setOpen(null)}
        >
          <label>
            {t("commentLabel")}
            <textarea name="comment" rows={3} maxLength={4000} dir="auto" required autoFocus />
          </label>
          <p className="muted">{t("commentHint")}</p>
          <div className="toolbar">
            <button type="submit" className="primary" disabled={pending}>
              {t("sendRequest")}
            </button>
            <button type="button" onClick={() => setOpen(null)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      {open === "publish" && (
        <PublishForm
          workspaceSlug={workspaceSlug}
          briefId={briefId}
          publicLink={publicLink && linkAllowed}
          linkAllowed={linkAllowed}
          onClose={() => setOpen(null)}
        />
      )}
      <ErrorMessage result={result} />
    </div>
  );
}
