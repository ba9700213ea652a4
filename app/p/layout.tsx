import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/LanguageSwitcher";
import { getSessionUser } from "@/lib/auth/session";

/**
 * Published briefs live outside the workspace layout: a visitor may read a public one
 * without signing in. Each page decides access itself (lib/publishing/reader.ts).
 */
export default async function PublishedLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  const t = await getTranslations("nav");
  const app = await getTranslations("app");
  return (
    <>
      <a href="#content" className="skip-link">
        {app("skipToContent")}
      </a>
      <header className="topbar">
        <Link href={user ? "/w" : "/"} className="brand">
          Briefroom
        </Link>
        <span className="spacer" />
        {user && <span className="muted">{t("signedInAs", { name: user.name })}</span>}
        <LanguageSwitcher />
      </header>
      <main id="content" className="page reader-page">
        {children}
      </main>
    </>
  );
}
