/**
 * The words an export adds around the published HTML (title block, page footer), in the
 * brief's language rather than the reader's UI language: a French brief exports as a French
 * document whoever downloads it. Words the version's own HTML uses (notes, bibliography,
 * column headers…) come from lib/publishing/render-labels.ts, so exports and the reader
 * page say the same thing.
 */
import { formatDate } from "@/lib/publishing/render-labels";

type TitleLabels = {
  version: (n: number) => string;
  approvedBy: (name: string, date: string) => string;
  published: (date: string) => string;
};

const LABELS: Record<string, TitleLabels> = {
  en: {
    version: (n) => `Version ${n}`,
    approvedBy: (name, date) => `Approved by ${name} on ${date}`,
    published: (date) => `Published ${date}`,
  },
  fr: {
    version: (n) => `Version ${n}`,
    approvedBy: (name, date) => `Approuvé par ${name} le ${date}`,
    published: (date) => `Publié le ${date}`,
  },
  ar: {
    version: (n) => `الإصدار ${n}`,
    approvedBy: (name, date) => `اعتمده ${name} في ${date}`,
    published: (date) => `نُشر في ${date}`,
  },
};

export function titleLabels(language: string): TitleLabels {
  return LABELS[language.slice(0, 2).toLowerCase()] ?? LABELS.en!;
}

/** A version date as the brief's language writes it (UTC, Western digits, like the reader page). */
export function documentDate(date: Date, language: string): string {
  return formatDate(date.toISOString(), language);
}
