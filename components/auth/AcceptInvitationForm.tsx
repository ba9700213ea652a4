"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { acceptInvitationAction } from "@/app/actions/invitation";
import { rememberSignInDevice } from "@/app/actions/sign-in-device";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";

export function AcceptInvitationForm(props: {
  token: string;
  email: string;
  hasAccount: boolean;
  minPassword: number;
  workspaceSlug: string;
}) {
  const t = useTranslations("invite");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setPending(true);
    const outcome = await acceptInvitationAction(props.token, {
      name: String(form.get("name") ?? ""),
      password,
    });
    setResult(outcome);
    if (outcome.ok) {
      const signedIn = await signIn("credentials", {
        email: props.email,
        password,
        redirect: false,
      });
      if (signedIn?.ok) {
        await rememberSignInDevice();
        router.push(`/w/${props.workspaceSlug}`);
        router.refresh();
        return;
      }
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="stack">
      {props.hasAccount && <p>{t("existingIntro")}</p>}
      <ErrorMessage result={result} />
      {!props.hasAccount && (
        <label>
          {t("name")}
          <input name="name" required maxLength={120} autoComplete="name" />
        </label>
      )}
      <label>
        {props.hasAccount ? t("existingPassword") : t("password")}
        <input
          name="password"
          type="password"
          required
          minLength={props.hasAccount ? 1 : props.minPassword}
          autoComplete={props.hasAccount ? "current-password" : "new-password"}
          dir="ltr"
        />
        {!props.hasAccount && (
          <small className="muted">{t("passwordHint", { min: props.minPassword })}</small>
        )}
      </label>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
