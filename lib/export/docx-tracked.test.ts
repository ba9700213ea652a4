import type { JSONContent } from "@tiptap/core";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { renderDocx } from "./docx";
import { fixtureVersion } from "./test-fixture";

const AMINA = { author: "11111111-1111-4111-8111-111111111111", authorName: "Amina Traoré" };
const at = "2026-12-02T10:00:00.000Z";

const DRAFT: JSONContent = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "The toll rose " },
        {
          type: "text",
          text: "sevenfold",
          marks: [
            {
              type: "deletion",
              attrs: { id: "aaaaaaaa-0000-4000-8000-000000000001", ...AMINA, at },
            },
          ],
        },
        {
          type: "text",
          text: "eightfold",
          marks: [
            { type: "bold" },
            {
              type: "insertion",
              attrs: { id: "aaaaaaaa-0000-4000-8000-000000000001", ...AMINA, at },
            },
          ],
        },
        { type: "text", text: " in Gao." },
      ],
    },
    {
      type: "paragraph",
      attrs: { dir: "rtl" },
      content: [
        { type: "text", text: "ارتفع العدد" },
        {
          type: "text",
          text: " ثمانية أضعاف",
          marks: [
            {
              type: "insertion",
              attrs: { id: "aaaaaaaa-0000-4000-8000-000000000002", ...AMINA, at },
            },
          ],
        },
      ],
    },
  ],
};

describe("pending suggestions in DOCX", () => {
  it("are Word tracked changes: w:ins and w:del (w:delText) with the author and date", async () => {
    const bytes = await renderDocx(fixtureVersion({ contentJson: DRAFT }));
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    const ins = xml.match(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g) ?? [];
    const del = xml.match(/<w:del\b[^>]*>[\s\S]*?<\/w:del>/g) ?? [];
    expect(del).toHaveLength(1);
    expect(del[0]).toMatch(/w:author="Amina Traoré"/);
    expect(del[0]).toMatch(/w:date="2026-12-02T10:00:00/);
    expect(del[0]).toMatch(/<w:delText[^>]*>sevenfold<\/w:delText>/);
    expect(ins.some((x) => />eightfold</.test(x) && /<w:b\/>/.test(x))).toBe(true);
    // The Arabic insertion keeps its right-to-left run.
    const arabic = ins.find((x) => x.includes("ثمانية"));
    expect(arabic).toMatch(/<w:rtl\/>/);
    // Every revision has its own integer id.
    const ids = [...ins, ...del].map((x) => /w:id="(\d+)"/.exec(x)?.[1]);
    expect(new Set(ids).size).toBe(3);
  });
});
