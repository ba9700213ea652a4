/**
 * Mentions live inside a comment body as `<@user-uuid>` tokens, so a renamed member is shown
 * with their current name and the ids are what Comment.mentions stores. The composer shows
 * "@Name" while typing and encodes on submit; the panel decodes for display.
 */
const TOKEN = /<@([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})>/gi;

export type MentionPerson = { id: string; name: string };
export type BodySegment = { kind: "text"; text: string } | { kind: "mention"; userId: string };

/** Ids of the mention tokens in a body, in order of first appearance, without repeats. */
export function mentionIds(body: string): string[] {
  const ids: string[] = [];
  for (const match of body.matchAll(TOKEN)) {
    const id = match[1]!.toLowerCase();
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Replaces tokens whose id is not in `keep` by a plain "@" (their person is not a member). */
export function dropMentions(body: string, keep: ReadonlySet<string>): string {
  return body.replace(TOKEN, (token, id: string) => (keep.has(id.toLowerCase()) ? token : "@"));
}

/**
 * Turns the "@Name" the composer inserted for each picked person into their token. Longer
 * names first, so "@Ann Lee" is not eaten by a pick named "Ann".
 */
export function encodeMentions(text: string, picked: readonly MentionPerson[]): string {
  const people = [...picked].sort((a, b) => b.name.length - a.name.length);
  let result = text;
  for (const person of people) {
    result = result.split(`@${person.name}`).join(`<@${person.id}>`);
  }
  return result;
}

/**
 * The inverse of encodeMentions, for editing a stored comment: tokens become "@Name" again
 * and the people they name come back as picks (unknown ids keep their token).
 */
export function decodeMentions(
  body: string,
  people: Readonly<Record<string, string>>,
): { text: string; picked: MentionPerson[] } {
  const picked = new Map<string, MentionPerson>();
  const text = bodySegments(body)
    .map((segment) => {
      if (segment.kind === "text") return segment.text;
      const name = people[segment.userId];
      if (!name) return `<@${segment.userId}>`;
      picked.set(segment.userId, { id: segment.userId, name });
      return `@${name}`;
    })
    .join("");
  return { text, picked: [...picked.values()] };
}

/** Splits a stored body into text and mention segments for rendering. */
export function bodySegments(body: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    if (match.index > last) segments.push({ kind: "text", text: body.slice(last, match.index) });
    segments.push({ kind: "mention", userId: match[1]!.toLowerCase() });
    last = match.index + match[0].length;
  }
  if (last < body.length) segments.push({ kind: "text", text: body.slice(last) });
  return segments;
}

/** The "@query" being typed right before the caret, or null. */
export function mentionQueryAt(
  text: string,
  caret: number,
): { query: string; start: number } | null {
  const match = /(^|\s)@([^\s@<>]{0,40})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { query: match[2]!, start: caret - match[2]!.length - 1 };
}
