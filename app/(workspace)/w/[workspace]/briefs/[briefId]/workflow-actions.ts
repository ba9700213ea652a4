"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction, type WorkspaceContext } from "@/lib/actions/workspace-action";
import type { PublishProblem } from "@/lib/publishing/frozen";
import { setMarking } from "@/lib/workflow/marking";
import { publish, PublishProblemsError, type Published } from "@/lib/workflow/publish";
import {
  approve,
  requestChanges,
  setPublicLink,
  submitForReview,
  withdrawFromReview,
} from "@/lib/workflow/service";

type StepInput = { briefId: string; comment?: string };

function refresh({ workspace }: WorkspaceContext, briefId: string) {
  revalidatePath(`/w/${workspace.slug}/briefs/${briefId}`);
  revalidatePath(`/w/${workspace.slug}`);
}

// Each action only forwards to lib/workflow, which locks the brief and asks can(): a
// crafted request by a viewer is refused there like a click.
export const submitForReviewAction = workspaceAction(async (ctx, input: StepInput) => {
  const result = await submitForReview(
    ctx.member,
    String(input.briefId),
    String(input.comment ?? ""),
  );
  refresh(ctx, String(input.briefId));
  return result;
});

export const withdrawFromReviewAction = workspaceAction(async (ctx, input: StepInput) => {
  const result = await withdrawFromReview(
    ctx.member,
    String(input.briefId),
    String(input.comment ?? ""),
  );
  refresh(ctx, String(input.briefId));
  return result;
});

export const requestChangesAction = workspaceAction(async (ctx, input: StepInput) => {
  const result = await requestChanges(
    ctx.member,
    String(input.briefId),
    String(input.comment ?? ""),
  );
  refresh(ctx, String(input.briefId));
  return result;
});

export const approveAction = workspaceAction(async (ctx, input: StepInput) => {
  const result = await approve(ctx.member, String(input.briefId), String(input.comment ?? ""));
  refresh(ctx, String(input.briefId));
  return result;
});

export type PublishActionData =
  { kind: "published"; version: Published } | { kind: "problems"; problems: PublishProblem[] };

/** Problems are data, not just an error code: the form lists each one. */
export const publishAction = workspaceAction(
  async (ctx, input: { briefId: string; publicLink: boolean; comment?: string }) => {
    try {
      const version = await publish(ctx.member, String(input.briefId), {
        publicLink: input.publicLink === true,
        comment: String(input.comment ?? ""),
      });
      refresh(ctx, String(input.briefId));
      return { kind: "published", version } satisfies PublishActionData;
    } catch (error) {
      if (error instanceof PublishProblemsError) {
        return { kind: "problems", problems: error.problems } satisfies PublishActionData;
      }
      throw error;
    }
  },
);

export const setPublicLinkAction = workspaceAction(
  async (ctx, input: { briefId: string; publicLink: boolean }) => {
    const result = await setPublicLink(
      ctx.member,
      String(input.briefId),
      input.publicLink === true,
    );
    refresh(ctx, String(input.briefId));
    return result;
  },
);

export const setMarkingAction = workspaceAction(
  async (ctx, input: { briefId: string; tlp: string }) => {
    const result = await setMarking(ctx.member, String(input.briefId), input.tlp);
    refresh(ctx, String(input.briefId));
    return result;
  },
);
