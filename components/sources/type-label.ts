import { SOURCE_TYPES } from "@/lib/sources/schema";

type T = (key: string, values?: Record<string, string>) => string;

/** A CSL type in the UI language; types outside our list show as "Other (thesis)". */
export function typeLabel(t: T, type: string): string {
  return (SOURCE_TYPES as readonly string[]).includes(type)
    ? t(`types.${type}`)
    : t("types.other", { type });
}
