import { describe, expect, it } from "vitest";
import { splitAllies } from "./actor-names";

describe("splitAllies", () => {
  it("splits allies at commas outside parentheses", () => {
    expect(splitAllies("Government of Mali, Government of Russia (Soviet Union)")).toEqual([
      "Government of Mali",
      "Government of Russia (Soviet Union)",
    ]);
    expect(splitAllies("Militia (Gao, Kidal), Wagner Group")).toEqual([
      "Militia (Gao, Kidal)",
      "Wagner Group",
    ]);
    expect(splitAllies("A,B")).toEqual(["A,B"]);
    expect(splitAllies("A,\t B,  C")).toEqual(["A", "B", "C"]);
    expect(splitAllies("A, B)")).toEqual(["A, B)"]);
  });

  it("stays fast on a hostile cell of separators and spaces", () => {
    const hostile = [
      ", ".repeat(200_000) + ")",
      "," + " ".repeat(200_000) + ")",
      ", (".repeat(100_000),
    ];
    for (const value of hostile) {
      const started = performance.now();
      const parts = splitAllies(value);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(parts.length).toBeLessThanOrEqual(100_001);
    }
    const inside = splitAllies(", ".repeat(200_000) + ")");
    expect(inside).toHaveLength(1);
    expect(inside[0] === `${", ".repeat(200_000)})`).toBe(true);
    expect(splitAllies(", (".repeat(100_000))).toHaveLength(100_000);
  });
});
