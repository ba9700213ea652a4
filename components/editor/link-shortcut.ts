import { Extension } from "@tiptap/core";
import { promptLink } from "./commands";

type Options = { ask: (current: string) => string | null; refuse: () => void };

/** Mod-K asks for a link address, as in every word processor. Browser-only (it prompts). */
export const LinkShortcut = Extension.create<Options>({
  name: "linkShortcut",
  addOptions() {
    return { ask: () => null, refuse: () => undefined };
  },
  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        promptLink(this.editor, this.options.ask, this.options.refuse);
        return true;
      },
    };
  },
});
