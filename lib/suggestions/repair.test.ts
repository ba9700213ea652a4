import type { onChangePayload } from "@hocuspocus/server";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { editorSchema, YDOC_FRAGMENT } from "@/lib/editor/schema";
import { proseMirrorNodeFromYDoc } from "@/lib/editor/to-json";
import { SuggestionGuardExtension } from "./collab-guard";
import { collectSuggestions } from "./collect";
import { repairSuggestionAttributes, updateHasMalformedSuggestion } from "./repair";

const GOOD = {
  id: "33333333-3333-4333-8333-333333333333",
  author: "11111111-1111-4111-8111-111111111111",
  authorName: "Amina",
  at: "2026-12-02T10:00:00.000Z",
};

function briefDoc(): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText("Convoy ambushed near Nioro.");
  paragraph.insert(0, [text]);
  doc.getXmlFragment(YDOC_FRAGMENT).insert(0, [paragraph]);
  return { doc, text };
}

/** The update `change` makes to `doc`. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  let captured: Uint8Array | null = null;
  const listener = (update: Uint8Array) => (captured = update);
  doc.on("update", listener);
  change();
  doc.off("update", listener);
  return captured!;
}

describe("malformed suggestion attributes", () => {
  it("are spotted in the incoming update alone; a well-formed suggestion is not", () => {
    const { doc, text } = briefDoc();
    expect(
      updateHasMalformedSuggestion(
        updateOf(doc, () => text.insert(0, "Two ", { insertion: GOOD })),
      ),
    ).toBe(false);
    expect(
      updateHasMalformedSuggestion(
        updateOf(doc, () => text.format(0, 4, { deletion: { ...GOOD, id: "1 OR 1=1" } })),
      ),
    ).toBe(true);
    expect(
      updateHasMalformedSuggestion(updateOf(doc, () => text.insert(0, "x", { insertion: "boom" }))),
    ).toBe(true);
  });

  it("are rewritten by the collab server into clean, still pending suggestions", async () => {
    const { doc, text } = briefDoc();
    const hostile = updateOf(doc, () =>
      text.insert(0, "FORGED ", {
        insertion: { id: "<img src=x>", author: "admin", authorName: "y".repeat(100_000), at: 7 },
      }),
    );
    const guard = new SuggestionGuardExtension();
    await guard.onChange({
      update: hostile,
      document: doc,
      transactionOrigin: { source: "connection" },
    } as unknown as onChangePayload);

    const [suggestion, ...rest] = collectSuggestions(proseMirrorNodeFromYDoc(doc, editorSchema()));
    expect(rest).toEqual([]);
    expect(suggestion!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(suggestion!.inserted).toBe("FORGED ");
    expect(suggestion!.author).toBeNull();
    expect(suggestion!.authorName).toHaveLength(80);
    // Nothing left to repair; a second pass changes nothing.
    expect(repairSuggestionAttributes(doc)).toBe(0);
  });

  it("are left alone when the change is the server's own or came through Redis", async () => {
    const { doc, text } = briefDoc();
    const hostile = updateOf(doc, () => text.insert(0, "x", { insertion: { id: 1 } }));
    for (const source of ["local", "redis"]) {
      await new SuggestionGuardExtension().onChange({
        update: hostile,
        document: doc,
        transactionOrigin: { source },
      } as unknown as onChangePayload);
    }
    expect(repairSuggestionAttributes(doc)).toBe(1);
  });
});
