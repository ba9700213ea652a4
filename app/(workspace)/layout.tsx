import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/LanguageSwitcher";
import { SignOutButton } from "@/components/layout/SignOutButton";
import { SignOutEverywhereButton } from "@/components/layout/SignOutEverywhereButton";
import { requireUser } from "@/lib/auth/session";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser("/w");
  const t = await getTranslations("nav");
  return (
    <>
      <a href="#content" className="skip-link">
        {(await getTranslations("app"))("skipToContent")}
      </a>
      <header className="topbar">
        <Link href="/w" className="brand">
          Briefroom
        </Link>
        <nav aria-label={t("workspaces")}>
          <Link href="/w">{t("workspaces")}</Link>
        </nav>
        <span className="spacer" />
        <span className="muted" data-testid="signed-in-user">
          {t("signedInAs", { name: user.name })}
        </span>
        <LanguageSwitcher />
        <SignOutButton label={t("signOut")} />
        <SignOutEverywhereButton
          label={t("signOutEverywhere")}
          title={t("signOutEverywhereHint")}
        />
      </header>
      <main id="content" className="page">
        {children}
      </main>
    </>
  );
}
