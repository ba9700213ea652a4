"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyUserLocale } from "@/app/actions/locale";
import { rememberSignInDevice } from "@/app/actions/sign-in-device";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

type ErrorKey =
  | "invalid"
  | "rateLimited"
  | "failed"
  | "ssoEmailUnverified"
  | "ssoNotInvited"
  | "ssoAccountMismatch";

// Codes from lib/auth/options.ts (SIGN_IN_ERRORS) and lib/auth/oidc.ts (OIDC_SIGN_IN_ERRORS).
const ERROR_KEYS: Record<string, ErrorKey> = {
  CredentialsSignin: "invalid",
  RateLimited: "rateLimited",
  OidcEmailUnverified: "ssoEmailUnverified",
  OidcNotInvited: "ssoNotInvited",
  OidcAccountMismatch: "ssoAccountMismatch",
};

export function SignInForm({
  callbackUrl,
  initialError,
  ssoName,
}: {
  callbackUrl: string;
  initialError: string | null;
  ssoName: string | null;
}) {
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        setError(result?.error ?? "failed");
        return;
      }
      await Promise.all([applyUserLocale(), rememberSignInDevice()]);
      // A full navigation so the server renders in the user's language with the new session.
      // Checked again here: the prop comes from the URL, and this is where the browser goes.
      window.location.assign(safeCallbackUrl(callbackUrl, "/w", window.location.origin));
    } catch {
      setError("failed");
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {error && (
        <p className="error" role="alert" data-testid="signin-error">
          {t(ERROR_KEYS[error] ?? "failed")}
        </p>
      )}
      <form onSubmit={onSubmit} className="stack">
        <label>
          {t("email")}
          <input name="email" type="email" autoComplete="username" required autoFocus dir="ltr" />
        </label>
        <label>
          {t("password")}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            dir="ltr"
          />
        </label>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
      {ssoName && (
        <>
          <p className="divider">{t("or")}</p>
          <button
            type="button"
            onClick={() => signIn("oidc", { callbackUrl: safeCallbackUrl(callbackUrl) })}
          >
            {t("sso", { provider: ssoName })}
          </button>
        </>
      )}
    </>
  );
}
