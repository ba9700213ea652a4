"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { deleteSavedQuery, saveQuery } from "@/lib/incidents/saved-queries";
import {
  addIncidentNote,
  createManualIncident,
  deleteIncidentNote,
  updateManualIncident,
  type ManualIncidentInput,
} from "@/lib/incidents/service";

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

export const updateIncidentAction = workspaceAction(
  async ({ member, workspace }, input: { id: string; values: ManualIncidentInput }) => {
    const updated = await updateManualIncident(member, String(input.id), input.values);
    revalidatePath(`/w/${workspace.slug}/incidents`);
    revalidatePath(`/w/${workspace.slug}/incidents/${updated.id}`);
    return updated;
  },
);

export const addIncidentNoteAction = workspaceAction(
  async ({ member, workspace }, input: { incidentId: string; body: string }) => {
    const note = await addIncidentNote(member, String(input.incidentId), input.body);
    revalidatePath(`/w/${workspace.slug}/incidents/${input.incidentId}`);
    return note;
  },
);

export const deleteIncidentNoteAction = workspaceAction(
  async ({ member, workspace }, input: { incidentId: string; noteId: string }) => {
    await deleteIncidentNote(member, String(input.noteId));
    revalidatePath(`/w/${workspace.slug}/incidents/${input.incidentId}`);
    return null;
  },
);
