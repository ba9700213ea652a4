"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { formatBriefCitations, searchSourcesForPicker } from "@/lib/citations/brief-citations";
import type { SourceInput } from "@/lib/sources/schema";
import { createSource, deleteSource, setSourceArchived, updateSource } from "@/lib/sources/service";

export const createSourceAction = workspaceAction(
  async ({ member, workspace }, input: SourceInput) => {
    const source = await createSource(member, input);
    revalidatePath(`/w/${workspace.slug}/sources`);
    return source;
  },
);

export const updateSourceAction = workspaceAction(
  async ({ member, workspace }, input: { sourceId: string; source: SourceInput }) => {
    const source = await updateSource(member, String(input.sourceId), input.source);
    revalidatePath(`/w/${workspace.slug}/sources`, "layout");
    return source;
  },
);

export const archiveSourceAction = workspaceAction(
  async ({ member, workspace }, input: { sourceId: string; archived: boolean }) => {
    await setSourceArchived(member, String(input.sourceId), Boolean(input.archived));
    revalidatePath(`/w/${workspace.slug}/sources`, "layout");
    return null;
  },
);

export const deleteSourceAction = workspaceAction(
  async ({ member, workspace }, sourceId: string) => {
    await deleteSource(member, String(sourceId));
    revalidatePath(`/w/${workspace.slug}/sources`);
    return null;
  },
);

/** Sources for the citation picker in the editor. */
export const pickerSourcesAction = workspaceAction(async ({ member }, q: string) =>
  searchSourcesForPicker(member, String(q ?? "")),
);

/**
 * Footnotes and bibliography for the citations the editor currently holds, in the style its
 * document holds (the style lives in the brief's Yjs document; the collab server copies it
 * to Brief.citationStyle).
 */
export const formatCitationsAction = workspaceAction(
  async ({ member }, input: { briefId: string; clusters: unknown; style?: unknown }) =>
    formatBriefCitations(member, String(input.briefId), input.clusters, input.style),
);
