import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { mentionsOf } from "@/lib/comments/mentions";
import type { Member } from "@/lib/policy/can";
import { CommentBody } from "./CommentBody";

/** "Mentioned you": open threads of the workspace where someone @mentioned this member. */
export async function MentionsList({
  member,
  workspaceSlug,
}: {
  member: Member;
  workspaceSlug: string;
}) {
  const mentions = await mentionsOf(member);
  if (mentions.length === 0) return null;
  const t = await getTranslations("comments");
  const format = await getFormatter();
  return (
    <section className="mentions" aria-labelledby="mentions-title" data-testid="mentions">
      <h2 id="mentions-title">{t("mentionsTitle")}</h2>
      <ul className="stack">
        {mentions.map((mention) => (
          <li key={mention.commentId} className="mention-item" data-testid="mention-item">
            <Link href={`/w/${workspaceSlug}/briefs/${mention.briefId}`} dir="auto">
              {mention.briefTitle}
            </Link>{" "}
            <span className="muted">
              {t("mentionedBy", {
                name: mention.authorName,
                when: format.dateTime(mention.createdAt, {
                  dateStyle: "medium",
                  timeStyle: "short",
                }),
              })}
            </span>
            <blockquote className="mention-quote" dir="auto">
              {mention.quote}
            </blockquote>
            <CommentBody body={mention.body} people={mention.people} unknownName={t("someone")} />
          </li>
        ))}
      </ul>
    </section>
  );
}
