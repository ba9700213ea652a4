import type { JSONContent } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { editorSchema } from "@/lib/editor/schema";
import { isPureSuggestion } from "@/lib/editor/suggestion-check";
import { collectSuggestions } from "./collect";
import { acceptSuggestion, rejectSuggestion } from "./commands";
import { suggestTransaction } from "./transform";

const AMINA = { id: "11111111-1111-4111-8111-111111111111", name: "Amina" };
const BOB = { id: "22222222-2222-4222-8222-222222222222", name: "Bob" };
const schema = editorSchema();
const start = EditorState.create({
  schema,
  doc: schema.nodeFromJSON({
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "Displacement rose in Mopti." }] },
    ],
  }),
});

function suggested(state: EditorState, author: typeof AMINA, text: string, pos: number) {
  return state.apply(suggestTransaction(state.tr.insertText(text, pos), state, author)!);
}
const json = (state: EditorState) => state.doc.toJSON() as JSONContent;
function decided(state: EditorState, command: ReturnType<typeof acceptSuggestion>) {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

describe("the suggest-only rule", () => {
  const amina = suggested(start, AMINA, " sharply", "Displacement rose".length + 1);
  const [aminas] = collectSuggestions(amina.doc);

  it("lets one add suggestions of one's own and withdraw them", () => {
    const bob = suggested(amina, BOB, " (OCHA)", amina.doc.content.size - 2);
    expect(isPureSuggestion(json(amina), json(bob), BOB.id)).toBe(true);
    const [, bobs] = collectSuggestions(bob.doc);
    expect(
      isPureSuggestion(json(bob), json(decided(bob, rejectSuggestion(bobs!.id))), BOB.id),
    ).toBe(true);
  });

  it("refuses a direct edit, accepting a suggestion, and touching someone else's", () => {
    const direct = amina.apply(amina.tr.insertText("!", amina.doc.content.size - 1));
    expect(isPureSuggestion(json(amina), json(direct), BOB.id)).toBe(false);
    expect(
      isPureSuggestion(json(amina), json(decided(amina, acceptSuggestion(aminas!.id))), BOB.id),
    ).toBe(false);
    // Rejecting Amina's suggestion leaves the accepted content alone, but is hers or an editor's.
    expect(
      isPureSuggestion(json(amina), json(decided(amina, rejectSuggestion(aminas!.id))), BOB.id),
    ).toBe(false);
    // A suggestion claimed in someone else's name.
    const forged = suggested(amina, AMINA, " again", amina.doc.content.size - 2);
    expect(isPureSuggestion(json(amina), json(forged), BOB.id)).toBe(false);
  });
});
