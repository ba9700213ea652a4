"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { EmbedPicker } from "@/components/incidents/EmbedPicker";
import { CiteButton } from "@/components/sources/CiteButton";
import { BLOCK_COMMANDS, promptLink } from "./commands";

type Mark = "bold" | "italic" | "underline" | "strike";
const MARKS: { mark: Mark; label: string; shortcut: string }[] = [
  { mark: "bold", label: "B", shortcut: "Mod-B" },
  { mark: "italic", label: "I", shortcut: "Mod-I" },
  { mark: "underline", label: "U", shortcut: "Mod-U" },
  { mark: "strike", label: "S", shortcut: "Mod-Shift-S" },
];

export function Toolbar({ editor }: { editor: Editor }) {
  const t = useTranslations("editor");
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      marks: Object.fromEntries(MARKS.map(({ mark }) => [mark, e.isActive(mark)])) as Record<
        Mark,
        boolean
      >,
      link: e.isActive("link"),
      block: e.isActive("heading", { level: 1 })
        ? "heading1"
        : e.isActive("heading", { level: 2 })
          ? "heading2"
          : e.isActive("heading", { level: 3 })
            ? "heading3"
            : "paragraph",
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      dir:
        (e.getAttributes(e.state.selection.$from.parent.type.name).dir as string | undefined) ??
        "auto",
    }),
  });

  return (
    <div
      className="editor-toolbar"
      role="toolbar"
      aria-label={t("toolbar")}
      data-testid="editor-toolbar"
    >
      <select
        aria-label={t("blockType")}
        value={state.block}
        onChange={(event) => BLOCK_COMMANDS.find((c) => c.id === event.target.value)?.run(editor)}
      >
        {(["paragraph", "heading1", "heading2", "heading3"] as const).map((id) => (
          <option key={id} value={id}>
            {t(`blocks.${id}`)}
          </option>
        ))}
      </select>
      {MARKS.map(({ mark, label, shortcut }) => (
        <button
          key={mark}
          type="button"
          className={`mark-${mark}`}
          aria-pressed={state.marks[mark]}
          aria-label={t(`marks.${mark}`)}
          title={`${t(`marks.${mark}`)} (${shortcut})`}
          onClick={() => editor.chain().focus().toggleMark(mark).run()}
        >
          {label}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={state.link}
        title={t("link")}
        aria-label={t("link")}
        onClick={() =>
          promptLink(
            editor,
            (current) => window.prompt(t("linkPrompt"), current),
            () => window.alert(t("linkRefused")),
          )
        }
      >
        <svg
          width="16"
          height="16"
          viewBox="0 0 24 24"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
          <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
        </svg>
      </button>
      <CiteButton editor={editor} />
      <EmbedPicker editor={editor} />
      {(["bulletList", "orderedList", "blockquote", "table", "horizontalRule"] as const).map(
        (id) => (
          <button
            key={id}
            type="button"
            title={t(`blocks.${id}`)}
            aria-label={t(`blocks.${id}`)}
            onClick={() => BLOCK_COMMANDS.find((c) => c.id === id)?.run(editor)}
          >
            {ICONS[id]}
          </button>
        ),
      )}
      <select
        aria-label={t("direction")}
        value={state.dir}
        data-testid="direction-toggle"
        onChange={(event) =>
          editor
            .chain()
            .focus()
            .setBlockDirection(event.target.value as "auto" | "ltr" | "rtl")
            .run()
        }
      >
        <option value="auto">{t("dirAuto")}</option>
        <option value="ltr">{t("dirLtr")}</option>
        <option value="rtl">{t("dirRtl")}</option>
      </select>
      <button
        type="button"
        disabled={!state.canUndo}
        title={`${t("undo")} (Mod-Z)`}
        onClick={() => editor.chain().focus().undo().run()}
      >
        ↶
      </button>
      <button
        type="button"
        disabled={!state.canRedo}
        title={`${t("redo")} (Mod-Shift-Z)`}
        onClick={() => editor.chain().focus().redo().run()}
      >
        ↷
      </button>
    </div>
  );
}

const ICONS = {
  bulletList: "•",
  orderedList: "1.",
  blockquote: "❝",
  table: "▦",
  horizontalRule: "―",
} as const;
