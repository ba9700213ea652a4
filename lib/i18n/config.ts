export const LOCALES = ["en", "fr", "ar"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";
export const LOCALE_COOKIE = "briefroom_locale";

/** The name of each language in itself, for the switcher. */
export const LOCALE_NAMES: Record<AppLocale, string> = {
  en: "English",
  fr: "Français",
  ar: "العربية",
};

const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur", "ps"]);

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Writing direction of a BCP 47 language tag ("ar", "ar-ML", "fr"). */
export function directionOf(language: string): "rtl" | "ltr" {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? "";
  return RTL_LANGUAGES.has(primary) ? "rtl" : "ltr";
}
