import { Editor } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from "y-prosemirror";
import { EditorState } from "@tiptap/pm/state";
import {
  collectCitationsFromJson,
  normalizeCitationItems,
  withCitationDetails,
} from "./citation-items";
import { citationNumbering, citationNumberingKey, collectCitations } from "./citation-numbering";
import { extensions } from "./extensions";
import { editorSchema, YDOC_FRAGMENT } from "./schema";

const A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const cite = (id: string, locator?: string) => ({
  type: "citation",
  attrs: { items: [{ kind: "source", id, ...(locator ? { locator } : {}) }] },
});
const doc = (...inline: object[]) => ({
  type: "doc",
  content: [{ type: "paragraph", content: inline }],
});

describe("citation node", () => {
  it("numbers citations in document order and renumbers when one is inserted before", () => {
    const editor = new Editor({
      extensions: extensions(),
      content: doc(
        { type: "text", text: "Attacks rose" },
        cite(A, "3"),
        { type: "text", text: " sevenfold" },
        cite(A),
      ),
    });
    const ids = () =>
      collectCitations(editor.state.doc).map((c) => `${c.note}:${c.items[0]?.locator ?? "-"}`);
    expect(ids()).toEqual(["1:3", "2:-"]);
    editor
      .chain()
      .setTextSelection(1)
      .insertCitation([{ kind: "source", id: B }])
      .run();
    const clusters = collectCitations(editor.state.doc);
    expect(clusters.map((c) => c.items[0]!.kind === "source" && c.items[0]!.id)).toEqual([B, A, A]);
    expect(clusters.map((c) => c.note)).toEqual([1, 2, 3]);
    // The numbers reach the view as node decorations (data-note), never as stored attributes.
    const state = EditorState.create({ doc: editor.state.doc, plugins: [citationNumbering()] });
    const decorations = citationNumberingKey.getState(state)!.find();
    expect(decorations.map((d) => (d.spec as { note: number }).note)).toEqual([1, 2, 3]);
    expect(JSON.stringify(editor.getJSON())).not.toContain("note");
    const first = editor.state.doc.nodeAt(clusters[0]!.pos)!;
    const dom = first.type.spec.toDOM!(first) as [string, Record<string, string>];
    expect(dom[0]).toBe("sup");
    expect(dom[1]["data-items"]).toBe(JSON.stringify([{ kind: "source", id: B }]));
    editor.destroy();
  });

  it("drops malformed items from pasted HTML or peers instead of crashing", () => {
    expect(normalizeCitationItems("not json")).toEqual([]);
    expect(
      normalizeCitationItems([
        { kind: "source", id: "../../etc" },
        { kind: "source", id: A, locator: " 12 ", label: "page", extra: "x", prefix: "<b>See</b>" },
        {
          kind: "incident",
          dataset: "ACLED",
          rowId: "MLI1",
          version: "2025-02",
          accessed: "2025-03-01",
        },
        { kind: "evil" },
        null,
      ]),
    ).toEqual([
      { kind: "source", id: A, locator: "12", label: "page", prefix: "<b>See</b>" },
      {
        kind: "incident",
        dataset: "ACLED",
        rowId: "MLI1",
        version: "2025-02",
        accessed: "2025-03-01",
      },
    ]);
    const rule = editorSchema().nodes.citation!.spec.parseDOM![0]!;
    expect(rule).toMatchObject({ tag: "sup[data-citation]" });
    const attrs = (rule.getAttrs as (el: HTMLElement) => { items: unknown })({
      getAttribute: (name: string) =>
        name === "data-items" ? `[{"kind":"source","id":"${A}"},{"kind":"x"}]` : null,
    } as unknown as HTMLElement);
    expect(attrs.items).toEqual([{ kind: "source", id: A }]);
  });

  it("survives a Yjs round trip (what the collab server stores) and is found in stored JSON", () => {
    const ydoc: Y.Doc = prosemirrorJSONToYDoc(
      editorSchema(),
      doc(cite(A, "4"), cite(B)),
      YDOC_FRAGMENT,
    );
    const json = yDocToProsemirrorJSON(ydoc, YDOC_FRAGMENT);
    expect(collectCitationsFromJson(json)).toEqual([
      [{ kind: "source", id: A, locator: "4" }],
      [{ kind: "source", id: B }],
    ]);
  });
});

describe("editing a citation", () => {
  const details = (prefix: string, locator: string, suffix: string) => ({
    prefix,
    locator,
    suffix,
  });

  it("sets, replaces and clears prefix, locator and suffix", () => {
    const items = normalizeCitationItems([
      { kind: "source", id: A, locator: "3", label: "paragraph", prefix: "See" },
      { kind: "source", id: B },
    ]);
    const edited = withCitationDetails(items, [
      details("", "4–5", " on taxation "),
      details("Cf.", "12", ""),
    ]);
    expect(edited).toEqual([
      { kind: "source", id: A, locator: "4–5", label: "paragraph", suffix: "on taxation" },
      { kind: "source", id: B, prefix: "Cf.", locator: "12", label: "page" },
    ]);
    expect(withCitationDetails(edited, [details("", "", "")])[0]).toEqual({
      kind: "source",
      id: A,
    });
  });

  it("updates and removes the citation at a position, renumbering the rest", () => {
    const editor = new Editor({
      extensions: extensions(),
      content: doc(cite(A, "1"), { type: "text", text: " x " }, cite(B)),
    });
    const [first, second] = collectCitations(editor.state.doc);
    expect(
      editor.commands.updateCitation(
        second!.pos,
        withCitationDetails(second!.items, [details("See", "7", "")]),
      ),
    ).toBe(true);
    expect(collectCitations(editor.state.doc)[1]!.items).toEqual([
      { kind: "source", id: B, prefix: "See", locator: "7", label: "page" },
    ]);
    // Not a citation there (any more): refused, nothing changes.
    expect(editor.commands.updateCitation(first!.pos + 1, first!.items)).toBe(false);
    expect(editor.commands.removeCitation(first!.pos)).toBe(true);
    const left = collectCitations(editor.state.doc);
    expect(left.map((c) => [c.note, c.items])).toEqual([
      [1, [{ kind: "source", id: B, prefix: "See", locator: "7", label: "page" }]],
    ]);
    expect(editor.commands.removeCitation(left[0]!.pos + 1)).toBe(false);
    editor.destroy();
  });
});
