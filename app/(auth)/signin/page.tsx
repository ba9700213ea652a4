import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/SignInForm";
import { getSessionUser } from "@/lib/auth/session";
import { isOidcEnabled } from "@/lib/auth/oidc";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getSessionUser()) redirect(target);
  const t = await getTranslations("signIn");
  return (
    <div className="card narrow">
      <h1>{t("title")}</h1>
      <SignInForm
        callbackUrl={target}
        initialError={error ?? null}
        ssoName={isOidcEnabled() ? (process.env.OIDC_NAME ?? "SSO") : null}
      />
      <p className="muted">{t("noAccount")}</p>
    </div>
  );
}
