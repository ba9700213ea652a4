import { describe, expect, it } from "vitest";
import { FieldReader, NAME_MAX_CHARS, TEXT_MAX_CHARS } from "./fields";
import { mapAcledRow } from "./map-acled";

describe("FieldReader length caps", () => {
  it("reports an over-long name cell as this row's error", () => {
    const r = new FieldReader({ actor1: "x".repeat(NAME_MAX_CHARS + 1), actor2: "ok" }, 7);
    expect(r.required("actor1")).toBe("");
    expect(r.text("actor2")).toBe("ok");
    expect(r.errors).toEqual([
      { line: 7, column: "actor1", reason: `is longer than ${NAME_MAX_CHARS} characters` },
    ]);
  });

  it("allows long notes up to the free-text cap only", () => {
    const ok = new FieldReader({ notes: "n".repeat(TEXT_MAX_CHARS) }, 2);
    expect(ok.text("notes", TEXT_MAX_CHARS)).toHaveLength(TEXT_MAX_CHARS);
    expect(ok.errors).toEqual([]);
    const row = {
      event_id_cnty: "MLI1",
      event_date: "2024-02-15",
      year: "2024",
      event_type: "Battles",
      actor1: "Wagner Group",
      fatalities: "0",
      notes: "n".repeat(TEXT_MAX_CHARS + 1),
    };
    expect(mapAcledRow(row, 3)).toEqual({
      errors: [{ line: 3, column: "notes", reason: `is longer than ${TEXT_MAX_CHARS} characters` }],
    });
    const { notes: _notes, ...valid } = row;
    void _notes;
    expect("values" in mapAcledRow(valid, 4)).toBe(true);
  });
});
