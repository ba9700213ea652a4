import { describe, expect, it } from "vitest";
import { citationDiff } from "./citation-diff";

const src = (id: string, title: string, grade = "B2") => ({ id, title, grade });

describe("citationDiff", () => {
  it("lists added, removed and changed sources by id", () => {
    const d = citationDiff(
      {
        style: "chicago-note-bibliography",
        sources: [src("a", "UN report"), src("b", "Radio"), src("c", "NGO", "C3")],
      },
      {
        style: "chicago-note-bibliography",
        sources: [src("a", "UN report"), src("c", "NGO update", "B2"), src("d", "Press")],
      },
    );
    expect(d.added.map((s) => s.id)).toEqual(["d"]);
    expect(d.removed.map((s) => s.id)).toEqual(["b"]);
    expect(d.changed).toEqual([
      {
        id: "c",
        from: src("c", "NGO", "C3"),
        to: src("c", "NGO update", "B2"),
        fields: ["title", "grade"],
      },
    ]);
    expect(d.style).toBeNull();
    expect(d.count).toBe(3);
  });

  it("notices a style change and handles a missing side", () => {
    const d = citationDiff(
      { style: "apa", sources: [] },
      { style: "chicago-note-bibliography", sources: [] },
    );
    expect(d.style).toEqual({ from: "apa", to: "chicago-note-bibliography" });
    expect(d.count).toBe(1);
    expect(citationDiff(null, { style: "apa", sources: [src("x", "X")] }).added).toHaveLength(1);
    expect(citationDiff(null, null).count).toBe(0);
  });
});
