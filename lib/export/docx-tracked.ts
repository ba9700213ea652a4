/**
 * Pending suggestions as real Word tracked changes (ECMA-376 §17.13.5): a suggested
 * insertion becomes w:ins, a suggested deletion w:del with its text as w:delText, each
 * with the suggester's name and time, so Word's Review pane lists them and can accept or
 * reject them. Only a draft carries suggestions; a published version never does.
 */
import type { JSONContent } from "@tiptap/core";
import { DeletedTextRun, InsertedTextRun } from "docx";
import { readSuggestionAttrs, SUGGESTION_MARK } from "@/lib/editor/suggestion-marks";
import { directionalSegments, DOCX_FONT, type RunStyle } from "./docx-runs";

export type TrackedChange = {
  kind: "insertion" | "deletion";
  /** The suggestion's id, mapped to Word's integer w:id. */
  key: string;
  author: string;
  date: string;
};

/** The suggestion a text node carries, if any. */
export function trackedChangeOf(
  marks: JSONContent["marks"],
  unknownAuthor: string,
): TrackedChange | null {
  for (const mark of marks ?? []) {
    if (mark.type !== SUGGESTION_MARK.insertion && mark.type !== SUGGESTION_MARK.deletion) continue;
    const attrs = readSuggestionAttrs(mark.attrs);
    return {
      kind: mark.type === SUGGESTION_MARK.insertion ? "insertion" : "deletion",
      key: `${mark.type}:${attrs.id ?? "malformed"}`,
      author: attrs.authorName || unknownAuthor,
      // Word needs a date; a suggestion without a readable one shows the epoch.
      date: attrs.at ?? new Date(0).toISOString(),
    };
  }
  return null;
}

/** Word revision ids are integers unique in the document: one per suggestion and kind. */
export class RevisionIds {
  private readonly ids = new Map<string, number>();
  private next = 1;
  of(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.next++));
    return id;
  }
}

/** The runs of `text` as an insertion or a deletion, split by direction like textRuns. */
export function trackedRuns(
  text: string,
  style: RunStyle,
  paragraphRtl: boolean,
  change: TrackedChange,
  ids: RevisionIds,
): (InsertedTextRun | DeletedTextRun)[] {
  // The zero-width characters that anchor suggestions at block edges are not text.
  const visible = text.replace(/\u200B/g, "");
  if (!visible) return [];
  return directionalSegments(visible, paragraphRtl).map((segment) => {
    const options = {
      text: segment.text,
      id: ids.of(change.key),
      author: change.author,
      date: change.date,
      font: DOCX_FONT,
      ...(segment.rtl ? { rightToLeft: true } : {}),
      ...(style.bold ? { bold: true, boldComplexScript: true } : {}),
      ...(style.italic ? { italics: true, italicsComplexScript: true } : {}),
      ...(style.underline ? { underline: {} } : {}),
      ...(style.strike ? { strike: true } : {}),
    };
    return change.kind === "insertion" ? new InsertedTextRun(options) : new DeletedTextRun(options);
  });
}

const perDocument = new WeakMap<object, RevisionIds>();

/** The revision ids of one document being written (keyed by its render context). */
export function revisionIdsOf(ctx: object): RevisionIds {
  let ids = perDocument.get(ctx);
  if (!ids) perDocument.set(ctx, (ids = new RevisionIds()));
  return ids;
}
