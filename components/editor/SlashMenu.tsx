"use client";

import type { Editor } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { BLOCK_COMMANDS, type BlockCommandId } from "./commands";

type Open = { query: string; from: number; to: number; top: number; left: number; active: number };

/** The "/query" at the start of an otherwise empty text block, if the caret is right after it. */
function slashQuery(editor: Editor): Omit<Open, "active" | "top" | "left"> | null {
  const { $from, empty } = editor.state.selection;
  if (!empty || !$from.parent.isTextblock) return null;
  const text = $from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc");
  const match = /^\/([\p{L}\p{N}]*)$/u.exec(text);
  if (!match) return null;
  return { query: match[1] ?? "", from: $from.start(), to: $from.pos };
}

/**
 * Typing "/" at the start of an empty block opens a menu of blocks; typing filters it,
 * arrows move, Enter inserts, Escape closes. Labels are in the UI language and matched in it.
 */
export function SlashMenu({ editor }: { editor: Editor }) {
  const t = useTranslations("editor.blocks");
  const [open, setOpen] = useState<Open | null>(null);
  const items = BLOCK_COMMANDS.filter((c) =>
    open
      ? t(c.id).toLowerCase().includes(open.query.toLowerCase()) ||
        c.id.toLowerCase().includes(open.query.toLowerCase())
      : false,
  );

  const choose = useCallback(
    (id: BlockCommandId, range: { from: number; to: number }) => {
      editor.chain().focus().deleteRange(range).run();
      BLOCK_COMMANDS.find((c) => c.id === id)?.run(editor);
      setOpen(null);
    },
    [editor],
  );

  useEffect(() => {
    const onChange = () => {
      const found = editor.isEditable ? slashQuery(editor) : null;
      if (!found) return setOpen(null);
      const coords = editor.view.coordsAtPos(found.to);
      setOpen((current) => ({
        ...found,
        top: coords.bottom,
        left: coords.left,
        active: current?.active ?? 0,
      }));
    };
    editor.on("transaction", onChange);
    return () => {
      editor.off("transaction", onChange);
    };
  }, [editor]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (!editor.view.hasFocus()) return;
      if (event.key === "Escape") setOpen(null);
      else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const step = event.key === "ArrowDown" ? 1 : -1;
        setOpen({
          ...open,
          active: (open.active + step + items.length) % Math.max(items.length, 1),
        });
      } else if (event.key === "Enter" && items[open.active]) {
        choose(items[open.active]!.id, open);
      } else return;
      event.preventDefault();
      event.stopPropagation();
    };
    // Capture phase: the menu gets the keys before ProseMirror turns Enter into a new line.
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [open, items, editor, choose]);

  if (!open || items.length === 0) return null;
  return (
    <ul
      className="slash-menu"
      role="listbox"
      data-testid="slash-menu"
      style={{ position: "fixed", top: open.top + 4, left: open.left }}
    >
      {items.map((item, index) => (
        <li
          key={item.id}
          role="option"
          aria-selected={index === open.active}
          onMouseDown={(event) => {
            event.preventDefault();
            choose(item.id, open);
          }}
        >
          {t(item.id)}
        </li>
      ))}
    </ul>
  );
}
