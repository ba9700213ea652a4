import type { JSONContent } from "@tiptap/core";
import { Slice, type Node as PMNode } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "y-prosemirror";
import * as Y from "yjs";
import { acceptedContentJson, countPendingSuggestions } from "@/lib/editor/accepted-content";
import { editorSchema, YDOC_FRAGMENT } from "@/lib/editor/schema";
import { collectSuggestions, summarize } from "./collect";
import { acceptSuggestion, rejectAllSuggestions, rejectSuggestion } from "./commands";
import { suggestTransaction, type SuggestionAuthor } from "./transform";

const AMINA: SuggestionAuthor = { id: "11111111-1111-4111-8111-111111111111", name: "Amina" };
const BOB: SuggestionAuthor = { id: "22222222-2222-4222-8222-222222222222", name: "Bob" };

/** A document's JSON as ProseMirror writes it (default attributes included). */
function doc(...paragraphs: (string | JSONContent[])[]): JSONContent {
  const json = {
    type: "doc",
    content: paragraphs.map((p) => ({
      type: "paragraph",
      content: typeof p === "string" ? [{ type: "text", text: p }] : p,
    })),
  };
  return editorSchema().nodeFromJSON(json).toJSON() as JSONContent;
}

function stateOf(json: JSONContent): EditorState {
  const schema = editorSchema();
  return EditorState.create({ schema, doc: schema.nodeFromJSON(json) });
}

/** Applies `edit` to `state` as `author` suggesting it. */
function suggest(
  state: EditorState,
  author: SuggestionAuthor,
  edit: (tr: Transaction) => Transaction,
): EditorState {
  const tracked = suggestTransaction(edit(state.tr), state, author);
  if (!tracked) throw new Error("refused");
  return state.apply(tracked);
}

/** Position of the `nth` occurrence of `text` in the document (first character). */
function at(node: PMNode, text: string, nth = 0): number {
  let found = -1;
  let seen = 0;
  node.descendants((child, pos) => {
    if (found >= 0 || !child.isText) return found < 0;
    let index = child.text!.indexOf(text);
    while (index >= 0) {
      if (seen === nth) {
        found = pos + index;
        return false;
      }
      seen += 1;
      index = child.text!.indexOf(text, index + 1);
    }
    return true;
  });
  if (found < 0) throw new Error(`no ${text}`);
  return found;
}

function run(state: EditorState, command: ReturnType<typeof acceptSuggestion>): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

function json(state: EditorState): JSONContent {
  return state.doc.toJSON() as JSONContent;
}

describe("suggesting", () => {
  const original = doc("The toll rose sevenfold in Gao.");

  it("marks typed text as an insertion with a UUID, its author and time, and leaves accepted content as it was", () => {
    let state = stateOf(original);
    const end = at(state.doc, "sevenfold") + "sevenfold".length;
    state = suggest(state, AMINA, (tr) => tr.insertText(" (", end));
    // Typing on inside one's own suggestion extends it.
    state = suggest(state, AMINA, (tr) => tr.insertText("×7)", end + 2));
    const [suggestion, ...rest] = collectSuggestions(state.doc);
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({
      author: AMINA.id,
      authorName: "Amina",
      inserted: " (×7)",
      deleted: "",
    });
    expect(suggestion!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(Date.parse(suggestion!.at!)).not.toBeNaN();
    expect(state.doc.textContent).toBe("The toll rose sevenfold (×7) in Gao.");
    // One suggestion, one mark: the typed characters share its attributes (and its time).
    expect(state.doc.firstChild!.childCount).toBe(3);
    expect(acceptedContentJson(json(state))).toEqual(original);
    expect(countPendingSuggestions(json(state))).toBe(1);

    const accepted = run(state, acceptSuggestion(suggestion!.id));
    expect(json(accepted)).toEqual(doc("The toll rose sevenfold (×7) in Gao."));
    const rejected = run(state, rejectSuggestion(suggestion!.id));
    expect(json(rejected)).toEqual(original);
  });

  it("keeps deleted text in the document, struck, until the deletion is accepted", () => {
    let state = stateOf(original);
    const from = at(state.doc, " in Gao");
    state = suggest(state, BOB, (tr) => tr.delete(from, from + " in Gao".length));
    expect(state.doc.textContent).toBe("The toll rose sevenfold in Gao.");
    const [suggestion] = collectSuggestions(state.doc);
    expect(suggestion).toMatchObject({ deleted: " in Gao", inserted: "", author: BOB.id });
    expect(summarize(suggestion!).kind).toBe("delete");
    expect(acceptedContentJson(json(state))).toEqual(original);
    expect(json(run(state, acceptSuggestion(suggestion!.id)))).toEqual(
      doc("The toll rose sevenfold."),
    );
  });

  it("replaces across formatting as one suggestion: the old text struck with its marks, the new one inserted", () => {
    const formatted = doc([
      { type: "text", text: "Attacks " },
      { type: "text", text: "doubled", marks: [{ type: "bold" }] },
      { type: "text", text: " in Kidal." },
    ]);
    let state = stateOf(formatted);
    const from = at(state.doc, "Attacks ") + "Attacks".length;
    const to = at(state.doc, " in Kidal");
    state = suggest(state, AMINA, (tr) => tr.insertText(" tripled", from, to));
    const suggestions = collectSuggestions(state.doc);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ deleted: " doubled", inserted: " tripled" });
    expect(summarize(suggestions[0]!)).toEqual({
      kind: "replace",
      deleted: "doubled",
      inserted: "tripled",
    });
    // The struck text keeps its bold.
    const struck = state.doc.nodeAt(at(state.doc, "doubled"))!;
    expect(struck.marks.map((m) => m.type.name).sort()).toEqual(["bold", "deletion"]);
    expect(acceptedContentJson(json(state))).toEqual(formatted);
    expect(json(run(state, rejectSuggestion(suggestions[0]!.id)))).toEqual(formatted);
  });

  it("marks pasted text as an insertion, keeping its formatting", () => {
    let state = stateOf(original);
    const schema = state.schema;
    const pasted = new Slice(
      schema.nodes.paragraph!.create(
        null,
        schema.text("officially ", [schema.marks.italic!.create()]),
      ).content,
      0,
      0,
    );
    const pos = at(state.doc, "sevenfold");
    state = suggest(state, BOB, (tr) =>
      tr.setSelection(TextSelection.create(tr.doc, pos)).replaceSelection(pasted),
    );
    const [suggestion] = collectSuggestions(state.doc);
    expect(suggestion).toMatchObject({ inserted: "officially ", author: BOB.id });
    const node = state.doc.nodeAt(pos)!;
    expect(node.marks.map((m) => m.type.name).sort()).toEqual(["insertion", "italic"]);
    expect(acceptedContentJson(json(state))).toEqual(original);
  });

  it("works in Arabic and mixed-direction paragraphs", () => {
    const arabic: JSONContent = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          attrs: { dir: "rtl" },
          content: [{ type: "text", text: "ارتفع عدد الضحايا في Gao إلى سبعة أضعاف." }],
        },
      ],
    };
    let state = stateOf(arabic);
    const from = at(state.doc, "سبعة أضعاف");
    state = suggest(state, AMINA, (tr) => tr.insertText("ثمانية أضعاف", from, from + 10));
    const [suggestion] = collectSuggestions(state.doc);
    expect(suggestion).toMatchObject({ deleted: "سبعة أضعاف", inserted: "ثمانية أضعاف" });
    expect(state.doc.firstChild!.attrs.dir).toBe("rtl");
    const before = stateOf(arabic).doc.toJSON() as JSONContent;
    expect(acceptedContentJson(json(state))).toEqual(before);
    expect(run(state, acceptSuggestion(suggestion!.id)).doc.textContent).toBe(
      "ارتفع عدد الضحايا في Gao إلى ثمانية أضعاف.",
    );
  });

  it("starts a new suggestion, not someone else's, when typing beside a colleague's", () => {
    let state = stateOf(original);
    const end = at(state.doc, "sevenfold") + "sevenfold".length;
    state = suggest(state, AMINA, (tr) => tr.insertText(" (×7)", end));
    state = suggest(state, BOB, (tr) => tr.insertText(" roughly", end + " (×7)".length));
    const suggestions = collectSuggestions(state.doc);
    expect(suggestions.map((s) => [s.authorName, s.inserted])).toEqual([
      ["Amina", " (×7)"],
      ["Bob", " roughly"],
    ]);
    expect(new Set(suggestions.map((s) => s.id)).size).toBe(2);
    // Rejecting Bob's leaves Amina's.
    const rejected = run(state, rejectSuggestion(suggestions[1]!.id));
    expect(collectSuggestions(rejected.doc).map((s) => s.authorName)).toEqual(["Amina"]);
  });

  it("deleting part of someone else's suggested insertion withdraws that part", () => {
    let state = stateOf(original);
    const end = at(state.doc, "sevenfold") + "sevenfold".length;
    state = suggest(state, AMINA, (tr) => tr.insertText(" (×7, per OCHA)", end));
    const from = at(state.doc, ", per OCHA");
    state = suggest(state, BOB, (tr) => tr.delete(from, from + ", per OCHA".length));
    expect(collectSuggestions(state.doc)).toMatchObject([{ author: AMINA.id, inserted: " (×7)" }]);
    expect(state.doc.textContent).toBe("The toll rose sevenfold (×7) in Gao.");
  });

  it("a suggested paragraph split is one block in the accepted content", () => {
    let state = stateOf(original);
    const pos = at(state.doc, " in Gao");
    state = suggest(state, AMINA, (tr) => tr.split(pos));
    expect(state.doc.childCount).toBe(2);
    expect(acceptedContentJson(json(state))).toEqual(original);
    expect(json(run(state, rejectAllSuggestions))).toEqual(original);
  });

  it("refuses block-level changes, which the Yjs binding would not share as suggestions", () => {
    const state = stateOf(original);
    const tr = state.tr.setNodeMarkup(0, state.schema.nodes.heading, { level: 2 });
    expect(suggestTransaction(tr, state, AMINA)).toBeNull();
  });
});

describe("two authors suggesting in one sentence at once", () => {
  it("converge through Yjs, each suggestion kept with its author", () => {
    const schema = editorSchema();
    const start = doc("Displacement rose in Mopti and Ségou.");
    const a = new Y.Doc();
    const b = new Y.Doc();
    const write = (ydoc: Y.Doc, node: PMNode) => {
      const fragment = ydoc.getXmlFragment(YDOC_FRAGMENT);
      ydoc.transact(() =>
        updateYFragment(ydoc, fragment, node, { mapping: new Map(), isOMark: new Map() }),
      );
    };
    const read = (ydoc: Y.Doc) =>
      yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(YDOC_FRAGMENT), schema);
    write(a, schema.nodeFromJSON(start));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    // Concurrently: Amina inserts after "rose", Bob deletes " and Ségou".
    const stateA = EditorState.create({ schema, doc: read(a) });
    const nextA = suggest(stateA, AMINA, (tr) =>
      tr.insertText(" sharply", at(tr.doc, "rose") + "rose".length),
    );
    const stateB = EditorState.create({ schema, doc: read(b) });
    const from = at(stateB.doc, " and Ségou");
    const nextB = suggest(stateB, BOB, (tr) => tr.delete(from, from + " and Ségou".length));
    const beforeA = Y.encodeStateVector(a);
    const beforeB = Y.encodeStateVector(b);
    write(a, nextA.doc);
    write(b, nextB.doc);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, beforeB));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, beforeA));

    const merged = read(a);
    expect(merged.toJSON()).toEqual(read(b).toJSON());
    const suggestions = collectSuggestions(merged);
    expect(suggestions.map((s) => [s.authorName, s.inserted, s.deleted])).toEqual([
      ["Amina", " sharply", ""],
      ["Bob", "", " and Ségou"],
    ]);
    expect(acceptedContentJson(merged.toJSON())).toEqual(start);
  });
});

describe("a suggested inline node", () => {
  it("is left out of the accepted content and listed as a suggestion", () => {
    const original = doc("Attacks rose.");
    let state = stateOf(original);
    const pos = at(state.doc, ".");
    state = suggest(state, AMINA, (tr) =>
      tr.insert(pos, state.schema.nodes.citation!.create({ items: [] })),
    );
    expect(collectSuggestions(state.doc)).toMatchObject([{ inserted: "[citation]" }]);
    expect(acceptedContentJson(json(state))).toEqual(original);
  });
});

describe("a formatting change while suggesting", () => {
  it("is a suggestion of the same text formatted, summarised as a format change", () => {
    const original = doc("The toll rose sevenfold in Gao.");
    let state = stateOf(original);
    const from = at(state.doc, "sevenfold");
    state = suggest(state, BOB, (tr) =>
      tr.addMark(from, from + "sevenfold".length, state.schema.marks.bold!.create()),
    );
    const [suggestion, ...rest] = collectSuggestions(state.doc);
    expect(rest).toEqual([]);
    expect(summarize(suggestion!)).toEqual({
      kind: "format",
      inserted: "sevenfold",
      deleted: "sevenfold",
    });
    expect(acceptedContentJson(json(state))).toEqual(original);
    const accepted = run(state, acceptSuggestion(suggestion!.id));
    expect(accepted.doc.textContent).toBe("The toll rose sevenfold in Gao.");
    expect(
      accepted.doc.nodeAt(at(accepted.doc, "sevenfold"))!.marks.map((m) => m.type.name),
    ).toEqual(["bold"]);
  });
});
