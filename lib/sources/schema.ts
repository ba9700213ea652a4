import { z } from "zod";
import { isSafeLinkHref } from "@/lib/editor/link-href";
import { parsePartialDate } from "./edtf";

/** CSL item types analysts use most; any other CSL type from an import is kept as it is. */
export const SOURCE_TYPES = [
  "report",
  "article-newspaper",
  "article-journal",
  "article-magazine",
  "webpage",
  "post",
  "post-weblog",
  "dataset",
  "interview",
  "personal_communication",
  "book",
  "chapter",
  "broadcast",
  "document",
  "speech",
  "map",
] as const;
export const CSL_TYPES = new Set<string>([
  ...SOURCE_TYPES,
  "article",
  "bill",
  "entry",
  "entry-dictionary",
  "entry-encyclopedia",
  "graphic",
  "legal_case",
  "legislation",
  "manuscript",
  "motion_picture",
  "pamphlet",
  "paper-conference",
  "patent",
  "review",
  "song",
  "thesis",
  "treaty",
  "software",
  "standard",
]);

export const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export const LANGUAGES = ["ar", "fr", "en", "bm", "ff", "snk", "es", "de", "pt"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, { error: "validation" }))
    .transform((v) => (v === "" ? null : v))
    .nullish()
    .transform((v) => v ?? null);

const partialDate = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .refine((v) => v === null || parsePartialDate(v) !== null, { error: "sourceInvalidDate" })
  .nullish()
  .transform((v) => v ?? null);

const name = z.union([
  z.object({ literal: z.string().trim().min(1).max(300) }).strict(),
  z
    .object({
      family: z.string().trim().min(1).max(200),
      given: z.string().trim().max(200).optional(),
    })
    .strict(),
]);

export const sourceInputSchema = z.object({
  type: z.string().refine((v) => CSL_TYPES.has(v), { error: "validation" }),
  title: z
    .string({ error: "titleRequired" })
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, { error: "titleRequired" }).max(1000, { error: "titleTooLong" })),
  titleTranslated: optionalText(1000),
  authors: z.array(name).max(100).default([]),
  issued: partialDate,
  accessed: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && parsePartialDate(v) !== null), {
      error: "sourceInvalidDate",
    })
    .nullish()
    .transform((v) => v ?? null),
  containerTitle: optionalText(500),
  publisher: optionalText(300),
  publisherPlace: optionalText(200),
  url: optionalText(2000).refine(
    (v) => v === null || (/^https?:\/\//i.test(v) && isSafeLinkHref(v)),
    { error: "sourceUnsafeUrl" },
  ),
  doi: optionalText(300),
  language: optionalText(16).refine(
    (v) => v === null || /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v),
    {
      error: "invalidLanguage",
    },
  ),
  archive: optionalText(300),
  archiveLocation: optionalText(300),
  note: optionalText(5000),
  reliability: z.enum(RELIABILITY).default("F"),
  credibility: z.coerce.number().int().min(1).max(6).default(6),
  tags: z
    .array(z.string().transform((t) => t.replace(/\s+/g, " ").trim().toLowerCase()))
    .max(30)
    .default([])
    .transform((tags) => [...new Set(tags.filter((t) => t.length > 0 && t.length <= 60))]),
});
export type SourceInput = z.input<typeof sourceInputSchema>;
export type SourceData = z.output<typeof sourceInputSchema>;

export const listSourcesSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  type: z.string().max(40).optional().catch(undefined),
  grade: z.enum(RELIABILITY).optional().catch(undefined),
  language: z.string().max(16).optional().catch(undefined),
  archived: z.enum(["1"]).optional().catch(undefined),
});
export type ListSourcesFilter = z.infer<typeof listSourcesSchema>;
