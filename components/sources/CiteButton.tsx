"use client";

import type { Editor } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { CITE_EVENT } from "./citation-view";

/** Toolbar button that opens the citation picker (same as Mod-Shift-C or typing "[@"). */
export function CiteButton({ editor }: { editor: Editor }) {
  const t = useTranslations("sources.cite");
  return (
    <button
      type="button"
      title={t("shortcut")}
      aria-label={t("button")}
      data-testid="cite-button"
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => editor.view.dom.dispatchEvent(new CustomEvent(CITE_EVENT))}
    >
      <span aria-hidden="true">❞¹</span>
    </button>
  );
}
