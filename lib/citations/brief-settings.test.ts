import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  citationStyleOfDoc,
  effectiveCitationStyle,
  observeCitationStyle,
  setCitationStyleInDoc,
} from "./brief-settings";

/** Two replicas connected both ways, as through the collab server. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (u: Uint8Array, origin: unknown) => origin !== "b" && Y.applyUpdate(b, u, "a"));
  b.on("update", (u: Uint8Array, origin: unknown) => origin !== "a" && Y.applyUpdate(a, u, "b"));
  return { a, b };
}

describe("citation style in the brief's Yjs document", () => {
  it("is null until set, then reaches the other replica and its observers", () => {
    const { a, b } = pair();
    expect(citationStyleOfDoc(b)).toBeNull();
    const seen: unknown[] = [];
    const stop = observeCitationStyle(b, (style) => seen.push(style));
    expect(setCitationStyleInDoc(a, "apa")).toBe(true);
    expect(citationStyleOfDoc(b)).toBe("apa");
    setCitationStyleInDoc(a, "iso690-note-fr");
    stop();
    setCitationStyleInDoc(a, "chicago-note-bibliography");
    expect(seen).toEqual(["apa", "iso690-note-fr"]);
    expect(citationStyleOfDoc(b)).toBe("chicago-note-bibliography");
  });

  it("refuses unknown styles and ignores junk written by a hostile peer", () => {
    const doc = new Y.Doc();
    expect(setCitationStyleInDoc(doc, "harvard")).toBe(false);
    expect(citationStyleOfDoc(doc)).toBeNull();
    doc.getMap("settings").set("citationStyle", { evil: true });
    expect(citationStyleOfDoc(doc)).toBeNull();
  });

  it("converges when two co-editors pick different styles offline", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setCitationStyleInDoc(a, "apa");
    setCitationStyleInDoc(b, "iso690-note-fr");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(citationStyleOfDoc(a)).toBe(citationStyleOfDoc(b));
    expect(citationStyleOfDoc(a)).not.toBeNull();
  });

  it("survives an encode/decode round trip (what compaction stores)", () => {
    const doc = new Y.Doc();
    setCitationStyleInDoc(doc, "apa");
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(citationStyleOfDoc(copy)).toBe("apa");
  });

  it("prefers the document's style, then the stored one, then the default", () => {
    const fallback = "chicago-note-bibliography";
    expect(effectiveCitationStyle("apa", "iso690-note-fr", fallback)).toBe("apa");
    expect(effectiveCitationStyle(null, "iso690-note-fr", fallback)).toBe("iso690-note-fr");
    expect(effectiveCitationStyle("nope", "nope", fallback)).toBe(fallback);
  });
});
