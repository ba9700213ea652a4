import { describe, expect, it } from "vitest";
import {
  bodySegments,
  decodeMentions,
  encodeMentions,
  mentionIds,
  mentionQueryAt,
} from "./mention-text";
import { COMMENT_SIGNAL, isCommentSignal, parseBriefSignal, WORKFLOW_SIGNAL } from "./signal";

const ann = { id: "11111111-1111-4111-8111-111111111111", name: "Ann" };
const annLee = { id: "22222222-2222-4222-8222-222222222222", name: "Ann Lee" };

describe("mention text", () => {
  it("encodes picked names as tokens, longest first, and decodes them for display", () => {
    const body = encodeMentions("@Ann Lee and @Ann: see @Bob", [ann, annLee]);
    expect(body).toBe(`<@${annLee.id}> and <@${ann.id}>: see @Bob`);
    expect(mentionIds(body + ` <@${ann.id}>`)).toEqual([annLee.id, ann.id]);
    expect(bodySegments(body)).toEqual([
      { kind: "mention", userId: annLee.id },
      { kind: "text", text: " and " },
      { kind: "mention", userId: ann.id },
      { kind: "text", text: ": see @Bob" },
    ]);
  });

  it("finds the @query before the caret, not inside words or e-mail addresses", () => {
    expect(mentionQueryAt("Hello @An", 9)).toEqual({ query: "An", start: 6 });
    expect(mentionQueryAt("@", 1)).toEqual({ query: "", start: 0 });
    expect(mentionQueryAt("mail me at a@b", 14)).toBeNull();
    expect(mentionQueryAt("@Ann done", 9)).toBeNull();
  });

  it("decodes a stored body for editing, and re-encodes it to the same tokens", () => {
    const body = encodeMentions("@Ann Lee and @Ann, see <@33333333-3333-4333-8333-333333333333>", [
      ann,
      annLee,
    ]);
    const people = { [ann.id]: ann.name, [annLee.id]: annLee.name };
    const decoded = decodeMentions(body, people);
    expect(decoded.text).toBe("@Ann Lee and @Ann, see <@33333333-3333-4333-8333-333333333333>");
    expect(decoded.picked).toEqual([annLee, ann]);
    expect(encodeMentions(decoded.text, decoded.picked)).toBe(body);
  });

  it("recognises only the exact comment ping", () => {
    expect(isCommentSignal(COMMENT_SIGNAL)).toBe(true);
    expect(isCommentSignal('{ "type": "comments" }')).toBe(true);
    expect(isCommentSignal('{"type":"comments","x":1}')).toBe(false);
    expect(isCommentSignal("null")).toBe(false);
    expect(isCommentSignal(`{"type":"comments"}${" ".repeat(64)}`)).toBe(false);
    expect(isCommentSignal(WORKFLOW_SIGNAL)).toBe(false);
    expect(parseBriefSignal('{ "type": "workflow" }')).toBe("workflow");
    expect(parseBriefSignal('{"type":"workflow","by":"x"}')).toBeNull();
  });
});
