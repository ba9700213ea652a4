import { describe, expect, it } from "vitest";
import { briefDocumentName, parseBriefDocumentName } from "./document-name";

const id = "0f3b7a9c-5a22-4d6e-8d1e-1b0c2f6a7e55";

describe("brief document names", () => {
  it("formats and parses brief.<uuid>", () => {
    expect(briefDocumentName(id)).toBe(`brief.${id}`);
    expect(parseBriefDocumentName(briefDocumentName(id))).toBe(id);
    expect(parseBriefDocumentName(`brief.${id.toUpperCase()}`)).toBe(id);
  });

  it.each([
    "",
    id,
    `doc.${id}`,
    "brief.",
    "brief.123",
    `brief.${id}/x`,
    `brief.${id}\0session`,
    `brief.${id}'--`,
  ])("rejects %j", (name) => {
    expect(parseBriefDocumentName(name)).toBeNull();
  });

  it("refuses to format something that is not a uuid", () => {
    expect(() => briefDocumentName("../../etc")).toThrow(/Not a brief id/);
  });
});
