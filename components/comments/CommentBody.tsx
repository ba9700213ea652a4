import { bodySegments } from "@/lib/comments/mention-text";

/** A comment's text with its mention tokens shown as highlighted "@Name". */
export function CommentBody({
  body,
  people,
  unknownName,
}: {
  body: string;
  people: Record<string, string>;
  unknownName: string;
}) {
  return (
    <p className="comment-body" dir="auto">
      {bodySegments(body).map((segment, index) =>
        segment.kind === "text" ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <span key={index} className="mention" data-user-id={segment.userId}>
            @{people[segment.userId] ?? unknownName}
          </span>
        ),
      )}
    </p>
  );
}
