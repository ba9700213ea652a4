import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { directionOf } from "@/lib/i18n/config";
import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/600.css";
import "@fontsource/noto-sans-arabic/400.css";
import "@fontsource/noto-sans-arabic/600.css";
import "@fontsource/noto-naskh-arabic/400.css";
import "./globals.css";
import "./comments.css";
import "./history.css";
import "./publishing.css";
import "./workflow.css";
import "./suggestions.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts gives every page request a fresh CSP nonce (`x-nonce`, and in the request's
  // Content-Security-Policy, from which Next.js puts it on its own scripts). Reading the
  // request headers here renders every page per request: a page rendered at build time would
  // carry scripts without the nonce, which the policy blocks. The app has no inline script
  // of its own; one added later (next/script) takes `nonce={(await headers()).get("x-nonce")}`.
  await headers();
  const locale = await getLocale();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
