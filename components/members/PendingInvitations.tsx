"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { revokeInvitationAction } from "@/app/(workspace)/w/[workspace]/member-actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import type { Role } from "@/lib/policy/can";

type Invitation = { id: string; email: string; role: Role; expiresAt: string };

export function PendingInvitations(props: { workspaceSlug: string; invitations: Invitation[] }) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="card">
      <h2>{t("members.pending")}</h2>
      <ErrorMessage result={result} />
      {props.invitations.length === 0 ? (
        <p className="muted">{t("members.pendingEmpty")}</p>
      ) : (
        <ul className="plain-list" data-testid="pending-invitations">
          {props.invitations.map((invitation) => (
            <li key={invitation.id}>
              <span dir="ltr">{invitation.email}</span> · {t(`roles.${invitation.role}`)} ·{" "}
              {t("members.expires", {
                when: format.dateTime(new Date(invitation.expiresAt), { dateStyle: "medium" }),
              })}{" "}
              <button
                type="button"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const outcome = await revokeInvitationAction(
                      props.workspaceSlug,
                      invitation.id,
                    );
                    setResult(outcome);
                    router.refresh();
                  })
                }
              >
                {t("members.revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
