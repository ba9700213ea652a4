import type { Editor } from "@tiptap/core";
import { isSafeLinkHref } from "@/lib/editor";

/** Block-level commands shared by the toolbar and the slash menu. */
export const BLOCK_COMMANDS = [
  { id: "paragraph", run: (e: Editor) => e.chain().focus().setParagraph().run() },
  { id: "heading1", run: (e: Editor) => e.chain().focus().toggleHeading({ level: 1 }).run() },
  { id: "heading2", run: (e: Editor) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { id: "heading3", run: (e: Editor) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { id: "bulletList", run: (e: Editor) => e.chain().focus().toggleBulletList().run() },
  { id: "orderedList", run: (e: Editor) => e.chain().focus().toggleOrderedList().run() },
  { id: "blockquote", run: (e: Editor) => e.chain().focus().toggleBlockquote().run() },
  {
    id: "table",
    run: (e: Editor) =>
      e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
  { id: "horizontalRule", run: (e: Editor) => e.chain().focus().setHorizontalRule().run() },
] as const;
export type BlockCommandId = (typeof BLOCK_COMMANDS)[number]["id"];

/**
 * Asks for a URL and links the selection. Unsafe schemes are refused by the schema too; asking
 * here lets us say so instead of silently doing nothing.
 */
export function promptLink(
  editor: Editor,
  ask: (current: string) => string | null,
  refuse: () => void,
): void {
  const current = (editor.getAttributes("link").href as string | undefined) ?? "";
  const url = ask(current);
  if (url === null) return;
  if (url.trim() === "") {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    return;
  }
  if (!isSafeLinkHref(url.trim())) return refuse();
  editor.chain().focus().extendMarkRange("link").setLink({ href: url.trim() }).run();
}
