"use server";

import { cookies } from "next/headers";
import { rememberLocale } from "@/lib/auth/remember-locale";
import { getSessionUser } from "@/lib/auth/session";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

async function setLocaleCookie(locale: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR_S, sameSite: "lax" });
}

/** The language switcher: remembered in a cookie, and on the account when signed in. */
export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  await setLocaleCookie(locale);
  const user = await getSessionUser();
  if (user && user.locale !== locale) {
    await rememberLocale(user.id, locale);
  }
}

/** Right after sign-in: bring the language the user chose on another device to this one. */
export async function applyUserLocale(): Promise<void> {
  const user = await getSessionUser();
  if (user) await setLocaleCookie(user.locale);
}
