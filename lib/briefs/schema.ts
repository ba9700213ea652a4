import { z } from "zod";

export const TITLE_MAX = 300;
export const BRIEF_LANGUAGES = ["en", "fr", "ar"] as const;
export const BRIEF_STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];

// Issue codes double as message keys (errors.<code>) so the form shows them translated.
export const titleSchema = z
  .string({ error: "titleRequired" })
  .transform((value) => value.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, { error: "titleRequired" }).max(TITLE_MAX, { error: "titleTooLong" }));

export const createBriefSchema = z.object({
  title: titleSchema,
  language: z.enum(BRIEF_LANGUAGES, { error: "invalidLanguage" }),
});
export type CreateBriefInput = z.input<typeof createBriefSchema>;

export const renameBriefSchema = z.object({ title: titleSchema });

export const listBriefsSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(BRIEF_STATUSES).optional().catch(undefined),
});
export type ListBriefsFilter = z.infer<typeof listBriefsSchema>;
