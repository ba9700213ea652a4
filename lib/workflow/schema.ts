import { z } from "zod";

/** A transition's comment (BriefTransition.comment is VARCHAR(4000)). */
export const transitionCommentSchema = z
  .string()
  .max(4000)
  .transform((value) => value.trim());

export const publishSchema = z.object({
  publicLink: z.boolean(),
  comment: transitionCommentSchema.default(""),
});
export type PublishInput = z.input<typeof publishSchema>;

export const workspaceSettingsSchema = z.object({
  fourEyes: z.boolean(),
  viewersMayComment: z.boolean(),
});
export type WorkspaceSettingsInput = z.infer<typeof workspaceSettingsSchema>;
