"use client";

import { useTranslations } from "next-intl";

type Props = {
  suggesting: boolean;
  onChange: (suggesting: boolean) => void;
};

/** Editing / Suggesting, in the toolbar; Ctrl/Cmd+Alt+S does the same from the text. */
export function ModeToggle({ suggesting, onChange }: Props) {
  const t = useTranslations("suggestions");
  return (
    <div
      className="mode-toggle"
      role="group"
      aria-label={t("mode")}
      title={`${t("toggle")} (Ctrl+Alt+S / ⌘⌥S)`}
      data-testid="mode-toggle"
    >
      <button
        type="button"
        aria-pressed={!suggesting}
        onClick={() => onChange(false)}
        data-testid="mode-editing"
      >
        {t("editing")}
      </button>
      <button
        type="button"
        aria-pressed={suggesting}
        aria-keyshortcuts="Control+Alt+S Meta+Alt+S"
        onClick={() => onChange(true)}
        data-testid="mode-suggesting"
      >
        {t("suggesting")}
      </button>
    </div>
  );
}
