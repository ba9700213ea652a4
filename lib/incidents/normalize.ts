/**
 * Search normalization shared by what is stored (Incident.searchText, alias `normalized`) and
 * what is typed: lower case, no diacritics (Ségou = Segou), Arabic letter variants folded
 * (أ/إ/آ → ا, ى → ي, ة → ه, no tatweel or harakat), spaces collapsed.
 */
export function normalizeText(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
    .replace(/\u0649/g, "\u064a")
    .replace(/\u0629/g, "\u0647")
    .replace(/\u0640/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
