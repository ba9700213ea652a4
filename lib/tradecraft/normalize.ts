import type { AppLocale } from "@/lib/i18n/config";

const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g; // harakat, dagger alif, tatweel
const ALEF_FORMS = /[\u0622\u0623\u0625]/g; // آ أ إ

/**
 * Text as the lexicons are matched against it: Unicode-composed, one kind of apostrophe and
 * space, and in Arabic without vowel marks or tatweel and with one alef, since writers vary
 * in all of these ("يُحتمل" and "يحتمل" are the same word). Lexicon phrases go through the
 * same function, so both sides agree.
 */
export function normalizeForMatch(text: string, locale: AppLocale): string {
  let out = text
    .normalize("NFC")
    .replace(/[\u2019\u02BC\u2018]/g, "'")
    .replace(/[\u00A0\u202F\u2009]/g, " ")
    .replace(/[\u2010\u2011]/g, "-");
  if (locale === "ar") out = out.replace(ARABIC_MARKS, "").replace(ALEF_FORMS, "\u0627");
  return out;
}
