import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type AppLocale } from "./config";
import { loadMessages } from "./messages";

/** Accept-Language's first supported language, for visitors who never chose one. */
function fromAcceptLanguage(value: string | null): AppLocale | null {
  for (const part of (value ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return null;
}

// The locale lives in a cookie (set by the switcher and at sign-in from the user's saved
// choice) rather than in the URL, so links to briefs are the same in every language.
export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookieLocale)
    ? cookieLocale
    : (fromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE);
  return { locale, messages: loadMessages(locale) };
});
