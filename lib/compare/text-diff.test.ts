import { describe, expect, it } from "vitest";
import { blocksOf, textDiff } from "./text-diff";

const p = (text: string, dir = "auto") => ({
  type: "paragraph",
  attrs: { dir },
  content: text ? [{ type: "text", text }] : [],
});
const doc = (...content: object[]) => ({ type: "doc", content });
const rendered = (d: ReturnType<typeof textDiff>) =>
  d.blocks.map(
    (b) =>
      `${b.status}:${b.parts.map((x) => (x.kind === "same" ? x.text : `${x.kind}(${x.text})`)).join("")}`,
  );

describe("textDiff", () => {
  it("marks inserted and deleted words inside a changed paragraph", () => {
    const d = textDiff(
      doc(p("Intro."), p("Attacks rose in Mopti last week.")),
      doc(p("Intro."), p("Attacks fell sharply in Mopti last week.")),
    );
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(rendered(d)).toEqual([
      "same:Intro.",
      "changed:Attacks del(rose)ins(fell sharply) in Mopti last week.",
    ]);
  });

  it("reports whole added and removed blocks without smearing neighbours", () => {
    const d = textDiff(
      doc(p("One."), p("Two."), p("Three.")),
      doc(p("One."), p("Three."), p("Four.")),
    );
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 0 });
    // "Two." removed and "Four." added are not adjacent runs: no pairing into a change.
    expect(rendered(d)).toEqual([
      "same:One.",
      "removed:del(Two.)",
      "same:Three.",
      "added:ins(Four.)",
    ]);
  });

  it("diffs Arabic words and keeps the block's direction", () => {
    const d = textDiff(
      doc(p("ارتفعت الهجمات في موبتي", "rtl")),
      doc(p("انخفضت الهجمات في موبتي", "rtl")),
    );
    expect(d.blocks).toHaveLength(1);
    expect(d.blocks[0]).toMatchObject({ status: "changed", dir: "rtl" });
    expect(d.blocks[0]!.parts).toEqual([
      { kind: "del", text: "ارتفعت" },
      { kind: "ins", text: "انخفضت" },
      { kind: "same", text: " الهجمات في موبتي" },
    ]);
  });

  it("treats a moved block as one removal and one addition, the rest unchanged", () => {
    const d = textDiff(
      doc(p("A."), p("B."), p("C."), p("D.")),
      doc(p("B."), p("C."), p("D."), p("A.")),
    );
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 0 });
    expect(d.blocks.filter((b) => b.status === "same").map((b) => b.parts[0]!.text)).toEqual([
      "B.",
      "C.",
      "D.",
    ]);
  });

  it("reports no change for identical documents and looks through lists and tables", () => {
    const list = {
      type: "bulletList",
      content: [
        { type: "listItem", content: [p("Item one")] },
        { type: "listItem", content: [p("Item two")] },
      ],
    };
    expect(textDiff(doc(list), doc(list)).counts).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(blocksOf(doc(list)).map((b) => b.text)).toEqual(["Item one", "Item two"]);
  });

  it("shows embeds as atom blocks identified by their query", () => {
    const table = (spec: string) => ({ type: "incidentTable", attrs: { spec } });
    const d = textDiff(
      doc(p("x"), table('{"kind":"table","a":1}')),
      doc(p("x"), table('{"kind":"table","a":2}')),
    );
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 0 });
    expect(d.blocks.filter((b) => b.atom).map((b) => b.status)).toEqual(["removed", "added"]);
  });

  it("pairs an edited paragraph with its new version even when a paragraph was inserted before it", () => {
    const d = textDiff(
      doc(p("Intro."), p("Convoys were attacked near Nioro on Monday.")),
      doc(
        p("Intro."),
        p("A new curfew applies."),
        p("Convoys were attacked near Nioro on Tuesday."),
      ),
    );
    expect(d.counts).toEqual({ added: 1, removed: 0, changed: 1 });
    expect(rendered(d)).toEqual([
      "same:Intro.",
      "added:ins(A new curfew applies.)",
      "changed:Convoys were attacked near Nioro on del(Monday)ins(Tuesday).",
    ]);
  });

  it("does not pair unrelated paragraphs: a rewrite is a removal and an addition", () => {
    const d = textDiff(
      doc(p("Markets reopened in Kayes.")),
      doc(p("Heavy rain flooded roads towards Bamako.")),
    );
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 0 });
  });

  it("survives empty or missing documents", () => {
    expect(textDiff(null, doc(p("New"))).counts).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(textDiff(doc(), doc()).blocks).toEqual([]);
  });
});
