/** Hebrew, Arabic, Syriac, Thaana, N'Ko… and the Arabic presentation forms. */
const RTL_STRONG = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Latin, Greek, Cyrillic letters (enough for en/fr text and names in briefs). */
const LTR_STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

/** The direction of the first strong character, as a browser's dir="auto" decides. */
export function firstStrongDirection(text: string): "rtl" | "ltr" | null {
  for (const char of text) {
    if (RTL_STRONG.test(char)) return "rtl";
    if (LTR_STRONG.test(char)) return "ltr";
  }
  return null;
}

/**
 * Whether a block is right-to-left: its own `dir` attribute when set to rtl/ltr; for "auto"
 * (the editor's default) or a missing attribute, its first strong character; for a block
 * with no letters, the version's direction.
 */
export function blockIsRtl(dir: unknown, text: string, versionDirection: "LTR" | "RTL"): boolean {
  if (dir === "rtl") return true;
  if (dir === "ltr") return false;
  const strong = firstStrongDirection(text);
  return strong ? strong === "rtl" : versionDirection === "RTL";
}
