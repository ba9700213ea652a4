"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/workspace-action";
import type { WorkspaceSettingsInput } from "@/lib/workflow/schema";
import { updateWorkspaceSettings } from "@/lib/workflow/settings";

/** Admins only: lib/workflow/settings asks can(member, "workspace.settings"). */
export const updateWorkspaceSettingsAction = workspaceAction(
  async ({ member, workspace }, input: WorkspaceSettingsInput) => {
    const settings = await updateWorkspaceSettings(member, input);
    revalidatePath(`/w/${workspace.slug}`, "layout");
    return settings;
  },
);
