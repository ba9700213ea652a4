/**
 * The words the published HTML itself contains ("Notes", column headers, "data as of"), in
 * the brief's language rather than the reader's: a version is rendered once, at publication,
 * and PDF/DOCX exports print it as stored.
 */
import ar from "@/lib/i18n/messages/publishing/ar.json";
import en from "@/lib/i18n/messages/publishing/en.json";
import fr from "@/lib/i18n/messages/publishing/fr.json";

export type RenderLabels = (typeof en)["render"];

const LABELS: Record<string, RenderLabels> = { en: en.render, fr: fr.render, ar: ar.render };

export function renderLabels(language: string): RenderLabels {
  return LABELS[language.slice(0, 2).toLowerCase()] ?? en.render;
}

/** "{name}" placeholders filled in (values are escaped by the caller). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}

/** Western digits in every language, so the PDF, DOCX and compare show the same numbers. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(`${language}-u-nu-latn`).format(value);
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(`${language}-u-nu-latn`, {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(date);
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
