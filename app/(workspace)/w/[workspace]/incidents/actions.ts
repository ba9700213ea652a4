"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { deleteSavedQuery, saveQuery } from "@/lib/incidents/saved-queries";
import { createManualIncident, type ManualIncidentInput } from "@/lib/incidents/service";

export const saveIncidentQueryAction = workspaceAction(
  async ({ member, workspace }, input: { name: string; filter: unknown }) => {
    const saved = await saveQuery(member, input);
    revalidatePath(`/w/${workspace.slug}/incidents`);
    return { id: saved.id, name: saved.name };
  },
);

export const deleteIncidentQueryAction = workspaceAction(
  async ({ member, workspace }, id: string) => {
    await deleteSavedQuery(member, String(id));
    revalidatePath(`/w/${workspace.slug}/incidents`);
    return null;
  },
);

export const createIncidentAction = workspaceAction(
  async ({ member, workspace }, input: ManualIncidentInput) => {
    const created = await createManualIncident(member, input);
    revalidatePath(`/w/${workspace.slug}/incidents`);
    return created;
  },
);
