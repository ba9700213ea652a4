"use server";

import { workspaceAction } from "@/lib/actions/workspace-action";
import { setEditorMode, type EditorModeName } from "@/lib/suggestions/mode";

// The service loads the brief through the policy: only editors of this brief save a mode.
export const setEditorModeAction = workspaceAction(
  ({ member }, input: { briefId: string; mode: EditorModeName }) =>
    setEditorMode(
      member,
      String(input.briefId),
      input.mode === "suggesting" ? "suggesting" : "editing",
    ),
);
