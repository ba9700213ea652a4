import { Editor, type JSONContent } from "@tiptap/core";
import type {
  DOMOutputSpec,
  Mark,
  Node as ProseMirrorNode,
  ParseRule,
  TagParseRule,
} from "@tiptap/pm/model";
import { afterEach, describe, expect, it } from "vitest";
import { extensions } from "./extensions";
import { editorSchema } from "./schema";
import { DIRECTIONAL_NODE_TYPES } from "./text-direction";

/** The attributes of the outermost element of a toDOM spec, e.g. ["p", {dir:"rtl"}, 0]. */
function outerAttrs(spec: DOMOutputSpec): Record<string, unknown> {
  if (!Array.isArray(spec)) throw new Error("expected an array DOM spec");
  const attrs: unknown = spec[1];
  return attrs && typeof attrs === "object" && !Array.isArray(attrs)
    ? (attrs as Record<string, unknown>)
    : {};
}

/** Enough of an HTMLElement for parse rules, which only read attributes (no DOM in Node). */
function fakeElement(attributes: Record<string, string>): HTMLElement {
  return { getAttribute: (name: string) => attributes[name] ?? null } as unknown as HTMLElement;
}

function tagRule(rules: readonly ParseRule[] | undefined, tag: string): TagParseRule {
  const rule = rules?.find((r): r is TagParseRule => "tag" in r && r.tag === tag);
  if (!rule) throw new Error(`no parse rule for ${tag}`);
  return rule;
}

function paragraph(text: string, dir?: string): JSONContent {
  return {
    type: "paragraph",
    ...(dir ? { attrs: { dir } } : {}),
    content: [{ type: "text", text }],
  };
}

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

describe("editor schema", () => {
  it("has the brief's nodes and marks, and headings 1-3 only", () => {
    const schema = editorSchema();
    for (const node of [
      "paragraph",
      "heading",
      "blockquote",
      "bulletList",
      "orderedList",
      "listItem",
      "table",
      "tableRow",
      "tableCell",
      "tableHeader",
      "horizontalRule",
      "hardBreak",
    ]) {
      expect(schema.nodes[node], node).toBeDefined();
    }
    for (const mark of ["bold", "italic", "underline", "strike", "link"]) {
      expect(schema.marks[mark], mark).toBeDefined();
    }
    const headingTags = (schema.nodes.heading?.spec.parseDOM ?? []).map((rule) =>
      "tag" in rule ? rule.tag : "",
    );
    expect(headingTags).toEqual(["h1", "h2", "h3"]);
  });

  it("leaves undo to Yjs (no ProseMirror history)", () => {
    editor = new Editor({
      element: null,
      extensions: extensions(),
      content: { type: "doc", content: [paragraph("x")] },
    });
    expect(editor.extensionManager.extensions.map((e) => e.name)).not.toContain("undoRedo");
  });
});

describe("per-block direction", () => {
  it("defaults to auto on every directional block and renders it as the dir attribute", () => {
    const schema = editorSchema();
    for (const type of DIRECTIONAL_NODE_TYPES) {
      expect(schema.nodes[type]?.spec.attrs?.dir?.default, type).toBe("auto");
    }
    const node = schema.nodeFromJSON(paragraph("مرحبا", "rtl"));
    expect(outerAttrs(node.type.spec.toDOM!(node))).toMatchObject({ dir: "rtl" });
    const plain = schema.nodeFromJSON(paragraph("hello"));
    expect(outerAttrs(plain.type.spec.toDOM!(plain))).toMatchObject({ dir: "auto" });
  });

  it("parses dir from HTML and falls back to auto for unknown values", () => {
    const rule = tagRule(editorSchema().nodes.paragraph?.spec.parseDOM, "p");
    const attrsOf = (dir: string | undefined) => {
      const attrs = rule.getAttrs?.(fakeElement(dir === undefined ? {} : { dir }));
      return attrs === false ? undefined : attrs;
    };
    expect(attrsOf("rtl")).toMatchObject({ dir: "rtl" });
    expect(attrsOf("LTR")).toMatchObject({ dir: "ltr" });
    expect(attrsOf("sideways")).toMatchObject({ dir: "auto" });
    expect(attrsOf(undefined)).toMatchObject({ dir: "auto" });
  });

  it("setBlockDirection sets the direction of the selected blocks only", () => {
    editor = new Editor({
      element: null,
      extensions: extensions(),
      content: { type: "doc", content: [paragraph("English"), paragraph("العربية")] },
    });
    const secondParagraphStart = editor.state.doc.child(0).nodeSize + 1;
    editor.commands.setTextSelection(secondParagraphStart + 1);
    expect(editor.commands.setBlockDirection("rtl")).toBe(true);
    const dirs = (editor.getJSON().content ?? []).map((block) => block.attrs?.dir);
    expect(dirs).toEqual(["auto", "rtl"]);
  });

  it("setBlockDirection refuses values other than auto|ltr|rtl", () => {
    editor = new Editor({
      element: null,
      extensions: extensions(),
      content: { type: "doc", content: [paragraph("x")] },
    });
    // Called from untyped code (e.g. a toolbar reading a data attribute).
    const setUnchecked = editor.commands.setBlockDirection as (dir: string) => boolean;
    expect(setUnchecked("sideways")).toBe(false);
    expect(editor.getJSON().content?.[0]?.attrs?.dir).toBe("auto");
  });
});

describe("links", () => {
  function linkMark(href: string): Mark {
    return editorSchema().mark("link", { href });
  }

  it("renders unsafe hrefs as empty and safe ones as they are", () => {
    const spec = (mark: Mark) => outerAttrs(mark.type.spec.toDOM!(mark, true));
    expect(spec(linkMark("javascript:alert(1)")).href).toBe("");
    expect(spec(linkMark("data:text/html,x")).href).toBe("");
    expect(spec(linkMark("https://example.org")).href).toBe("https://example.org");
  });

  it("does not parse unsafe links from HTML", () => {
    const rule = tagRule(editorSchema().marks.link?.spec.parseDOM, "a[href]");
    expect(rule.getAttrs?.(fakeElement({ href: "javascript:alert(1)" }))).toBe(false);
    expect(rule.getAttrs?.(fakeElement({ href: "https://example.org" }))).not.toBe(false);
  });

  it("setLink refuses unsafe URLs", () => {
    editor = new Editor({
      element: null,
      extensions: extensions(),
      content: { type: "doc", content: [paragraph("source")] },
    });
    editor.commands.selectAll();
    expect(editor.commands.setLink({ href: "javascript:alert(1)" })).toBe(false);
    expect(editor.commands.setLink({ href: "https://reliefweb.int" })).toBe(true);
    const node: ProseMirrorNode = editor.state.doc;
    const hrefs: unknown[] = [];
    node.descendants((n) => {
      for (const m of n.marks) if (m.type.name === "link") hrefs.push(m.attrs.href);
    });
    expect(hrefs).toEqual(["https://reliefweb.int"]);
  });
});
