import { z } from "zod";

/** Longest comment body, in characters (the column holds 8,000 to leave room for mention tokens). */
export const COMMENT_BODY_MAX = 4_000;
/** Longest stored quote; the browser truncates longer selections before sending. */
export const COMMENT_QUOTE_MAX = 2_000;
/** A serialized anchor is two small relative positions; anything bigger is not one. */
const ANCHOR_JSON_MAX = 600;
/** Mentions kept per comment; more are dropped (a comment is not a mailing list). */
export const MENTIONS_MAX = 20;

const yId = z
  .object({
    client: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    clock: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  })
  .strict();

/**
 * Y.relativePositionToJSON's shape: an item id (a position inside text), or a parent type
 * (`type` id or root `tname`) for the end of a type. Shape and size only: whether it points
 * anywhere in the document is for the browser to find out (an anchor whose text was deleted
 * is still a valid thread, shown as "text removed").
 */
export const relativePositionSchema = z
  .object({
    type: yId.optional(),
    tname: z.string().min(1).max(64).optional(),
    item: yId.optional(),
    assoc: z.number().int().min(-1).max(1).optional(),
  })
  .strict()
  .refine((p) => p.item !== undefined || p.type !== undefined || p.tname !== undefined, {
    message: "anchorInvalid",
  });

export const anchorSchema = z
  .object({ start: relativePositionSchema, end: relativePositionSchema })
  .strict()
  .refine((anchor) => JSON.stringify(anchor).length <= ANCHOR_JSON_MAX, {
    message: "anchorTooLarge",
  });

export type CommentAnchor = z.infer<typeof anchorSchema>;

/** Body text; mentions are `<@user-uuid>` tokens inside it (see mention-text.ts). */
const bodySchema = z.string().trim().min(1).max(COMMENT_BODY_MAX);

export const createThreadSchema = z
  .object({
    briefId: z.uuid(),
    anchor: anchorSchema,
    quote: z.string().trim().min(1).max(COMMENT_QUOTE_MAX),
    body: bodySchema,
  })
  .strict();
export type CreateThreadInput = z.input<typeof createThreadSchema>;

export const replySchema = z.object({ threadId: z.uuid(), body: bodySchema }).strict();
export type ReplyInput = z.input<typeof replySchema>;

export const editCommentSchema = z.object({ commentId: z.uuid(), body: bodySchema }).strict();
export type EditCommentInput = z.input<typeof editCommentSchema>;

export const idSchema = z.uuid();
