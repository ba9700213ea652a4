"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setMarkingAction } from "@/app/(workspace)/w/[workspace]/briefs/[briefId]/workflow-actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import { isStricterMarking, TLP_MARKINGS, tlpLabel, type TlpMarking } from "@/lib/tradecraft/tlp";
import { TlpLabel } from "./TlpLabel";

type Props = {
  workspaceSlug: string;
  briefId: string;
  marking: TlpMarking;
  /** May choose a stricter marking (writers). */
  canMark: boolean;
  /** May also lower it (publishers). */
  canLower: boolean;
};

/**
 * The brief's handling marking, and for those who may change it a picker that applies the
 * choice at once (the audit log records it). Markings this member may not choose are shown
 * but disabled, so the scale stays readable.
 */
export function MarkingControl({ workspaceSlug, briefId, marking, canMark, canLower }: Props) {
  const t = useTranslations("tradecraft.marking");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <div className="marking-control" data-testid="marking-control">
      <span className="muted">{t("label")}</span> <TlpLabel marking={marking} />
      {canMark && (
        <label>
          <span className="visually-hidden">{t("change")}</span>
          <select
            data-testid="marking-select"
            value={marking}
            disabled={pending}
            onChange={(event) => {
              const wanted = event.target.value;
              startTransition(async () => {
                const outcome = await setMarkingAction(workspaceSlug, { briefId, tlp: wanted });
                setResult(outcome);
                if (outcome.ok) router.refresh();
              });
            }}
          >
            {TLP_MARKINGS.map((option) => (
              <option
                key={option}
                value={option}
                disabled={!canLower && !isStricterMarking(marking, option) && option !== marking}
              >
                {tlpLabel(option)} — {t(`meaning.${option}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {pending && (
        <span className="muted" role="status">
          {t("saving")}
        </span>
      )}
      <ErrorMessage result={result} />
    </div>
  );
}
