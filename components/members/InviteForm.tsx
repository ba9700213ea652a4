"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inviteMemberAction } from "@/app/(workspace)/w/[workspace]/member-actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import { ROLES, type Role } from "@/lib/policy/can";

export function InviteForm({ workspaceSlug }: { workspaceSlug: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ link: string; expiresAt: string }> | null>(
    null,
  );
  const [email, setEmail] = useState("");
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();

  return (
    <div className="card">
      <h2>{t("members.invite")}</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const invited = String(form.get("email") ?? "");
          startTransition(async () => {
            const outcome = await inviteMemberAction(workspaceSlug, {
              email: invited,
              role: String(form.get("role")) as Role,
            });
            setResult(outcome);
            setCopied(false);
            if (outcome.ok) {
              setEmail(invited);
              router.refresh();
            }
          });
        }}
      >
        <label className="grow">
          {t("members.inviteEmail")}
          <input name="email" type="email" required dir="ltr" />
        </label>
        <label>
          {t("members.inviteRole")}
          <select name="role" defaultValue="EDITOR">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={pending}>
          {t("members.inviteSubmit")}
        </button>
      </form>
      <ErrorMessage result={result} />
      {result?.ok && (
        <div className="banner" role="status">
          <p>
            {t("members.inviteLink", {
              email,
              when: format.dateTime(new Date(result.data.expiresAt), { dateStyle: "medium" }),
            })}
          </p>
          <code dir="ltr" data-testid="invitation-link">
            {result.data.link}
          </code>{" "}
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard.writeText(result.data.link);
              setCopied(true);
            }}
          >
            {copied ? t("members.copied") : t("members.copy")}
          </button>
        </div>
      )}
    </div>
  );
}
