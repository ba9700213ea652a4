"use server";

import { workspaceAction } from "@/lib/actions/workspace-action";
import { listMentionCandidates, listThreads } from "@/lib/comments/queries";
import type { CreateThreadInput, EditCommentInput, ReplyInput } from "@/lib/comments/schema";
import {
  createThread,
  deleteComment,
  editComment,
  reopenThread,
  replyToThread,
  resolveThread,
} from "@/lib/comments/service";

// Thin wrappers: workspaceAction resolves the caller's membership (non-members → notFound);
// every service call asks can() itself. Inputs are re-validated by the services' zod schemas.

export const listCommentThreadsAction = workspaceAction(({ member }, briefId: string) =>
  listThreads(member, String(briefId)),
);

export const listMentionCandidatesAction = workspaceAction(({ member }, briefId: string) =>
  listMentionCandidates(member, String(briefId)),
);

export const createCommentThreadAction = workspaceAction(({ member }, input: CreateThreadInput) =>
  createThread(member, input),
);

export const replyToCommentThreadAction = workspaceAction(({ member }, input: ReplyInput) =>
  replyToThread(member, input),
);

export const resolveCommentThreadAction = workspaceAction(async ({ member }, threadId: string) => {
  await resolveThread(member, String(threadId));
  return null;
});

export const reopenCommentThreadAction = workspaceAction(async ({ member }, threadId: string) => {
  await reopenThread(member, String(threadId));
  return null;
});

export const editCommentAction = workspaceAction(({ member }, input: EditCommentInput) =>
  editComment(member, input),
);

export const deleteCommentAction = workspaceAction(async ({ member }, commentId: string) => {
  await deleteComment(member, String(commentId));
  return null;
});
