import { effectiveCitationStyle } from "@/lib/citations/brief-settings";
import { DEFAULT_CITATION_STYLE, isCitationStyle } from "@/lib/citations/style-ids";
import { db } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { freezeCitations, freezeData } from "@/lib/publishing/freeze";
import { renderBriefHtml } from "@/lib/publishing/render-html";
import type { SnapshotDetail } from "./queries";

/**
 * A snapshot rendered read-only like a published version (sanitized HTML), with its embeds
 * and footnotes computed now: a snapshot keeps the draft's text, not its data.
 */
export async function renderSnapshotHtml(
  member: Member,
  snapshot: SnapshotDetail,
  brief: { id: string; language: string; direction: "LTR" | "RTL" },
): Promise<string> {
  const stored = await db.brief.findUniqueOrThrow({
    where: { id: brief.id },
    select: { citationStyle: true },
  });
  const style = effectiveCitationStyle(
    snapshot.citationStyle,
    isCitationStyle(stored.citationStyle) ? stored.citationStyle : null,
    DEFAULT_CITATION_STYLE,
  );
  const embeds = await freezeData(member, snapshot.contentJson);
  const citations = await freezeCitations(
    member,
    brief.id,
    snapshot.contentJson,
    style,
    brief.language,
  );
  return renderBriefHtml({
    contentJson: snapshot.contentJson,
    embeds,
    citations,
    language: brief.language,
    direction: brief.direction,
  });
}
