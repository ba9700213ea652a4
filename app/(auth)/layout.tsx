import { LanguageSwitcher } from "@/components/layout/LanguageSwitcher";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="topbar">
        <span className="brand">Briefroom</span>
        <LanguageSwitcher />
      </header>
      <main id="content" className="centered">
        {children}
      </main>
    </>
  );
}
