import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addsToDocument } from "./update-effect";
import { appendParagraph } from "./test-clients";

function updatesOf(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on("update", listener);
  change();
  doc.off("update", listener);
  return Y.mergeUpdates(updates);
}

describe("addsToDocument", () => {
  it("is false for a replay of content the document already has, true for new text", () => {
    const author = new Y.Doc();
    appendParagraph(author, "Attacks rose.");
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(author));

    // A reloading browser sends its whole local copy: nothing new.
    const reader = new Y.Doc();
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(author));
    expect(addsToDocument(server, Y.encodeStateAsUpdate(reader))).toBe(false);

    const typed = updatesOf(reader, () => appendParagraph(reader, "More."));
    expect(addsToDocument(server, typed)).toBe(true);
    Y.applyUpdate(server, typed);
    expect(addsToDocument(server, typed)).toBe(false);
  });

  it("counts deleting text as a change once, not when the deletion is replayed", () => {
    const author = new Y.Doc();
    appendParagraph(author, "To be deleted.");
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(author));
    const deletion = updatesOf(author, () => author.getXmlFragment("default").delete(0, 1));
    expect(addsToDocument(server, deletion)).toBe(true);
    Y.applyUpdate(server, deletion);
    expect(addsToDocument(server, deletion)).toBe(false);
    expect(addsToDocument(server, Y.encodeStateAsUpdate(author))).toBe(false);
  });

  it("treats an update about content not seen yet as a change", () => {
    const author = new Y.Doc();
    const first = updatesOf(author, () => appendParagraph(author, "One."));
    const second = updatesOf(author, () => appendParagraph(author, "Two."));
    const server = new Y.Doc();
    expect(addsToDocument(server, second)).toBe(true);
    Y.applyUpdate(server, first);
    expect(addsToDocument(server, first)).toBe(false);
  });
});
