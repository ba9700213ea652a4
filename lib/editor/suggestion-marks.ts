import { Mark, mergeAttributes } from "@tiptap/core";

/**
 * Suggested changes (track changes) as inline marks, named and shaped as
 * @handlewithcare/prosemirror-suggest-changes expects: `insertion` (text proposed for
 * adding), `deletion` (text proposed for removing, still in the document) and
 * `modification` (a proposed attribute change). Each carries the suggestion's id and who
 * suggested it when, so every client, the collab server and the publisher read the same
 * suggestions from the shared document.
 *
 * No attribute has a `validate` rule: a hostile client can write any value into the shared
 * document, and a rule that throws would make y-prosemirror drop the whole text it sits on.
 * Values are checked where they are read (readSuggestionAttrs).
 */
export const SUGGESTION_MARK = {
  insertion: "insertion",
  deletion: "deletion",
  modification: "modification",
} as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARK)[keyof typeof SUGGESTION_MARK];
export const SUGGESTION_MARK_NAMES: readonly string[] = Object.values(SUGGESTION_MARK);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Longest author name kept; anything longer is cut (a name is shown on a card, no more). */
export const MAX_SUGGESTION_AUTHOR_NAME = 80;

export type SuggestionAttrs = {
  /** A UUID; a malformed id reads as null and the mark is grouped under "malformed". */
  id: string | null;
  /** The suggesting user's id (UUID), or null when missing or malformed. */
  author: string | null;
  authorName: string;
  /** ISO time the suggestion was made, or null. */
  at: string | null;
};

/** The checked attributes of a suggestion mark, whatever a client wrote into them. */
export function readSuggestionAttrs(attrs: Record<string, unknown> | undefined): SuggestionAttrs {
  const id = typeof attrs?.id === "string" && UUID.test(attrs.id) ? attrs.id.toLowerCase() : null;
  const author =
    typeof attrs?.author === "string" && UUID.test(attrs.author)
      ? attrs.author.toLowerCase()
      : null;
  const name = typeof attrs?.authorName === "string" ? attrs.authorName : "";
  const at = typeof attrs?.at === "string" && isIsoTime(attrs.at) ? attrs.at : null;
  return {
    id,
    author,
    // Control characters never belong in a name.
    authorName: name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, MAX_SUGGESTION_AUTHOR_NAME),
    at,
  };
}

export function isSuggestionId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

function isIsoTime(value: string): boolean {
  return value.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(value) && !isNaN(Date.parse(value));
}

// Not rendered as they are: renderHTML writes checked data-* attributes instead.
const commonAttributes = {
  id: { default: null, rendered: false },
  author: { default: null, rendered: false },
  authorName: { default: null, rendered: false },
  at: { default: null, rendered: false },
};

function dataAttributes(attrs: Record<string, unknown>) {
  const read = readSuggestionAttrs(attrs);
  return {
    "data-suggestion": read.id ?? "malformed",
    ...(read.author ? { "data-author": read.author } : {}),
  };
}

export const Insertion = Mark.create({
  name: SUGGESTION_MARK.insertion,
  inclusive: false,
  excludes: "deletion modification insertion",
  addAttributes: () => commonAttributes,
  parseHTML: () => [{ tag: "ins[data-suggestion]" }],
  renderHTML: ({ mark, HTMLAttributes }) => [
    "ins",
    mergeAttributes(
      { class: "suggestion-insertion" },
      dataAttributes(mark.attrs as Record<string, unknown>),
      HTMLAttributes,
    ),
    0,
  ],
});

export const Deletion = Mark.create({
  name: SUGGESTION_MARK.deletion,
  inclusive: false,
  excludes: "insertion modification deletion",
  addAttributes: () => commonAttributes,
  parseHTML: () => [{ tag: "del[data-suggestion]" }],
  renderHTML: ({ mark, HTMLAttributes }) => [
    "del",
    mergeAttributes(
      { class: "suggestion-deletion" },
      dataAttributes(mark.attrs as Record<string, unknown>),
      HTMLAttributes,
    ),
    0,
  ],
});

/** Attribute changes; the library only makes them on blocks, which this slice does not suggest. */
export const Modification = Mark.create({
  name: SUGGESTION_MARK.modification,
  inclusive: false,
  excludes: "deletion insertion",
  addAttributes: () => ({
    ...commonAttributes,
    type: { default: null, rendered: false },
    attrName: { default: null, rendered: false },
    previousValue: { default: null, rendered: false },
    newValue: { default: null, rendered: false },
  }),
  parseHTML: () => [{ tag: "span[data-suggestion-modification]" }],
  renderHTML: ({ mark }) => [
    "span",
    {
      "data-suggestion-modification": "",
      ...dataAttributes(mark.attrs as Record<string, unknown>),
    },
    0,
  ],
});

export const SuggestionMarks = [Insertion, Deletion, Modification];
