import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "y-prosemirror";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { editorSchema, YDOC_FRAGMENT } from "./schema";
import { proseMirrorNodeFromUpdate, proseMirrorNodeFromYDoc } from "./to-json";
import { proseMirrorNodeToText, updateToText } from "./to-text";

const yDocToJson = (ydoc: Y.Doc) => proseMirrorNodeFromYDoc(ydoc).toJSON() as JSONContent;

const brief: JSONContent = {
  type: "doc",
  content: [
    {
      type: "heading",
      attrs: { level: 1, dir: "auto" },
      content: [{ type: "text", text: "Situation update" }],
    },
    {
      type: "paragraph",
      attrs: { dir: "rtl" },
      content: [{ type: "text", text: "اشتباكات في المدينة" }],
    },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          attrs: { dir: "auto" },
          content: [
            {
              type: "paragraph",
              attrs: { dir: "auto" },
              content: [{ type: "text", text: "Convoy delayed", marks: [{ type: "bold" }] }],
            },
          ],
        },
      ],
    },
    { type: "horizontalRule" },
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            {
              type: "tableCell",
              attrs: { colspan: 1, rowspan: 1, colwidth: null, dir: "auto" },
              content: [
                {
                  type: "paragraph",
                  attrs: { dir: "auto" },
                  content: [{ type: "text", text: "Deaths" }],
                },
              ],
            },
            {
              type: "tableCell",
              attrs: { colspan: 1, rowspan: 1, colwidth: null, dir: "auto" },
              content: [
                {
                  type: "paragraph",
                  attrs: { dir: "auto" },
                  content: [{ type: "text", text: "12" }],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

function yDocOf(json: JSONContent): Y.Doc {
  return prosemirrorJSONToYDoc(editorSchema(), json, YDOC_FRAGMENT);
}

describe("Y.Doc → ProseMirror JSON / text", () => {
  it("round-trips a brief through Yjs with the shared schema", () => {
    const json = yDocToJson(yDocOf(brief));
    expect(json).toEqual(editorSchema().nodeFromJSON(brief).toJSON());
    expect(json.content?.[1]?.attrs?.dir).toBe("rtl");
  });

  it("reads the same document from a stored update", () => {
    const update = Y.encodeStateAsUpdate(yDocOf(brief));
    expect(proseMirrorNodeFromUpdate(update).toJSON()).toEqual(yDocToJson(yDocOf(brief)));
  });

  it("gives one line per block for search", () => {
    expect(proseMirrorNodeToText(proseMirrorNodeFromYDoc(yDocOf(brief)))).toBe(
      "Situation update\nاشتباكات في المدينة\nConvoy delayed\nDeaths\n12",
    );
    expect(updateToText(Y.encodeStateAsUpdate(new Y.Doc()))).toBe("");
  });

  it("does not modify the Y.Doc it reads, even when it holds nodes unknown to the schema", () => {
    const ydoc = yDocOf(brief);
    const unknown = new Y.XmlElement("marquee");
    ydoc.getXmlFragment(YDOC_FRAGMENT).insert(0, [unknown]);
    const before = Y.encodeStateAsUpdate(ydoc);
    const json = yDocToJson(ydoc);
    expect(json.content?.map((n) => n.type)).not.toContain("marquee");
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
  });
});
