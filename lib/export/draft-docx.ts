/**
 * The Word file of a brief's live draft, for review outside Briefroom: the text as it
 * stands with every pending suggestion as a Word tracked change (lib/export/docx-tracked.ts),
 * embeds and footnotes computed now. Only those who may edit the brief get it; published
 * versions have their own exports, which never carry a suggestion.
 */
import { loadBriefForUser } from "@/lib/briefs/load-brief";
import { effectiveCitationStyle } from "@/lib/citations/brief-settings";
import { DEFAULT_CITATION_STYLE } from "@/lib/citations/style-ids";
import { DomainError } from "@/lib/errors/domain-error";
import { freezeCitations, freezeData } from "@/lib/publishing/freeze";
import { loadLiveDocument } from "@/lib/publishing/live-document";
import { documentDate } from "./document-labels";
import { renderDocx } from "./docx";

const DRAFT_LABEL: Record<string, (count: number, date: string) => string> = {
  en: (n, d) => `Draft of ${d} · ${n} pending suggestion${n === 1 ? "" : "s"} (tracked changes)`,
  fr: (n, d) =>
    `Brouillon du ${d} · ${n} suggestion${n > 1 ? "s" : ""} en attente (modifications suivies)`,
  ar: (n, d) => `مسودة ${d} · اقتراحات معلّقة: ${n} (تعقّب التغييرات)`,
};

export function draftLabel(language: string, pending: number, now: Date): string {
  const label = DRAFT_LABEL[language.slice(0, 2).toLowerCase()] ?? DRAFT_LABEL.en!;
  return label(pending, documentDate(now, language));
}

export async function draftDocx(
  userId: string,
  briefId: string,
  now: Date = new Date(),
): Promise<{ bytes: Uint8Array; filename: string }> {
  const { brief, member } = await loadBriefForUser(userId, { id: briefId }, "brief.edit", {
    select: { title: true, language: true, direction: true, citationStyle: true },
  });
  if (!member) throw new DomainError("notFound");
  const live = await loadLiveDocument(brief.id);
  const style = effectiveCitationStyle(
    live.citationStyle,
    brief.citationStyle,
    DEFAULT_CITATION_STYLE,
  );
  const [embeds, citations] = await Promise.all([
    freezeData(member, live.json),
    freezeCitations(member, brief.id, live.json, style, brief.language),
  ]);
  const bytes = await renderDocx(
    {
      id: brief.id,
      slug: "draft",
      number: 0,
      title: brief.title,
      language: brief.language,
      direction: brief.direction,
      html: "",
      contentJson: live.json,
      embeds,
      citations,
      approverName: "",
      approvedAt: now,
      publishedAt: now,
    },
    { label: draftLabel(brief.language, live.pendingSuggestions ?? 0, now) },
  );
  return { bytes, filename: `${brief.title} (draft).docx` };
}
