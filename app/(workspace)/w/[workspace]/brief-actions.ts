"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { createBrief, deleteBrief, restoreBrief } from "@/lib/briefs/service";
import { renameBrief } from "@/lib/workflow/rename";
import type { CreateBriefInput } from "@/lib/briefs/schema";

export const createBriefAction = workspaceAction(
  async ({ member, workspace }, input: CreateBriefInput) => {
    const brief = await createBrief(member, input);
    revalidatePath(`/w/${workspace.slug}`);
    return brief;
  },
);

export const renameBriefAction = workspaceAction(
  async ({ member, workspace }, input: { briefId: string; title: string }) => {
    const brief = await renameBrief(member, String(input.briefId), input.title);
    revalidatePath(`/w/${workspace.slug}`, "layout");
    return brief;
  },
);

export const deleteBriefAction = workspaceAction(async ({ member, workspace }, briefId: string) => {
  await deleteBrief(member, String(briefId));
  revalidatePath(`/w/${workspace.slug}`);
  return null;
});

export const restoreBriefAction = workspaceAction(
  async ({ member, workspace }, briefId: string) => {
    await restoreBrief(member, String(briefId));
    revalidatePath(`/w/${workspace.slug}`);
    return null;
  },
);
