import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import type { Node } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { editorSchema, YDOC_FRAGMENT } from "@/lib/editor";
import { appendParagraph } from "@/lib/collab/test-clients";
import { anchorToRange, rangeToAnchor, textRange, type YBinding } from "./anchor-mapping";
import { anchorSchema } from "./schema";

/** What the browser's sync plugin holds: the ProseMirror doc rendered from Yjs, and the mapping. */
function render(doc: Y.Doc): { pm: Node; binding: YBinding } {
  const fragment = doc.getXmlFragment(YDOC_FRAGMENT);
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, editorSchema());
  return { pm, binding: { doc, fragment, mapping } };
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** ProseMirror range of the first occurrence of `text` (inside one text node). */
function find(pm: Node, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  pm.descendants((node, pos) => {
    const at = node.isText ? node.text!.indexOf(text) : -1;
    if (!found && at >= 0) found = { from: pos + at, to: pos + at + text.length };
  });
  if (!found) throw new Error(`"${text}" not in the document`);
  return found;
}

function paragraphText(pm: Node, index: number): string {
  return pm.child(index).textContent;
}

function insertText(doc: Y.Doc, paragraph: number, index: number, text: string) {
  const element = doc.getXmlFragment(YDOC_FRAGMENT).get(paragraph) as Y.XmlElement;
  (element.get(0) as Y.XmlText).insert(index, text);
}

describe("comment anchors", () => {
  it("follow the same words after a concurrent edit before them on another replica", () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    appendParagraph(alice, "Intro line.");
    appendParagraph(alice, "Convoy delayed at the Kayes crossing on Monday.");
    sync(alice, bob);

    // Alice anchors a comment on "Kayes crossing"; the anchor passes the server's schema.
    const before = render(alice);
    const range = find(before.pm, "Kayes crossing");
    const anchor = rangeToAnchor(range.from, range.to, before.binding);
    // Plain data, exactly what the server validates and stores.
    expect(Object.getPrototypeOf(anchor.start.item)).toBe(Object.prototype);
    expect(anchorSchema.parse(anchor)).toEqual(anchor);

    // Meanwhile Bob types right before and right after the range, at the start of its
    // paragraph, and adds a new paragraph above.
    const offset = "Convoy delayed at the ".length;
    insertText(bob, 1, offset + "Kayes crossing".length, " (closed)");
    insertText(bob, 1, offset, "new ");
    insertText(bob, 1, 0, "UPDATE: ");
    bob.transact(() => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText("A whole new first paragraph.")]);
      bob.getXmlFragment(YDOC_FRAGMENT).insert(0, [p]);
    });
    sync(alice, bob);

    for (const replica of [alice, bob]) {
      const after = render(replica);
      const moved = anchorToRange(anchor, after.binding);
      expect(moved).not.toBeNull();
      expect(after.pm.textBetween(moved!.from, moved!.to)).toBe("Kayes crossing");
      expect(moved!.from).toBeGreaterThan(range.from);
      expect(paragraphText(after.pm, 2)).toBe(
        "UPDATE: Convoy delayed at the new Kayes crossing (closed) on Monday.",
      );
    }
  });

  it("collapses to null when the anchored text is deleted", () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    appendParagraph(alice, "Keep this. Remove this part. Keep that.");
    sync(alice, bob);
    const before = render(alice);
    const range = find(before.pm, "Remove this part.");
    const anchor = rangeToAnchor(range.from, range.to, before.binding);

    const text = bob.getXmlFragment(YDOC_FRAGMENT).get(0) as Y.XmlElement;
    (text.get(0) as Y.XmlText).delete("Keep this. ".length, "Remove this part. ".length);
    sync(alice, bob);

    expect(anchorToRange(anchor, render(alice).binding)).toBeNull();
    // An anchor from another document never resolves to a range here.
    const stranger = new Y.Doc();
    appendParagraph(stranger, "Unrelated text in another brief.");
    expect(anchorToRange(anchor, render(stranger).binding)).toBeNull();
  });

  it("anchors a block-level selection (a whole paragraph) to its text", () => {
    const doc = new Y.Doc();
    appendParagraph(doc, "Markets in Kayes reopened on Tuesday.");
    const { pm, binding } = render(doc);
    // What a DOM range over the whole paragraph gives: before and after the paragraph node.
    const range = textRange(pm, 0, pm.content.size);
    expect(pm.textBetween(range.from, range.to)).toBe("Markets in Kayes reopened on Tuesday.");
    const resolved = anchorToRange(rangeToAnchor(range.from, range.to, binding), binding);
    expect(resolved).toEqual(range);
  });

  it("round-trips every word of a multi-paragraph document, first and last included", () => {
    const doc = new Y.Doc();
    for (const text of ["First words here.", "Middle line", "Last one."])
      appendParagraph(doc, text);
    const { pm, binding } = render(doc);
    const ranges: { from: number; to: number }[] = [];
    pm.descendants((node, pos) => {
      if (!node.isText) return;
      for (const word of node.text!.matchAll(/\S+/g)) {
        ranges.push({ from: pos + word.index, to: pos + word.index + word[0].length });
      }
    });
    ranges.push(textRange(pm, 0, pm.content.size)); // everything, across paragraphs
    expect(ranges).toHaveLength(8);
    for (const range of ranges) {
      expect(anchorToRange(rangeToAnchor(range.from, range.to, binding), binding)).toEqual(range);
    }
  });
});
