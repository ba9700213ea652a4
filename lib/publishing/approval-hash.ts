import { createHash } from "node:crypto";
import { effectiveCitationStyle } from "@/lib/citations/brief-settings";
import { DEFAULT_CITATION_STYLE } from "@/lib/citations/style-ids";
import { canonicalJson } from "@/lib/documents/content-hash";

/** What a published version shows beside its body: all of it is part of what is approved. */
export type ShownFields = {
  title: string;
  language: string;
  direction: "LTR" | "RTL";
  /** The style the footnotes and bibliography are rendered in (the document's, else the brief's). */
  citationStyle: string;
};

/**
 * The identity of what an approver approves and a version publishes: the document's content
 * hash (lib/publishing/content-hash.ts: body and the document's citation style) together
 * with the title, language, direction and the citation style the version is rendered in.
 * Brief.approvedHash and BriefVersion.contentHash hold it, so a title changed after the
 * approval no longer matches and cannot be published unapproved.
 */
export function approvalHash(documentHash: string, fields: ShownFields): string {
  return createHash("sha256")
    .update(
      canonicalJson({
        document: documentHash,
        title: fields.title,
        language: fields.language,
        direction: fields.direction,
        citationStyle: fields.citationStyle,
      }),
    )
    .digest("hex");
}

/**
 * The fields a version of this brief would show now: the stored title, language and
 * direction, and the document's citation style, else the brief's (as lib/publishing/freeze.ts
 * renders them). `documentStyle` is undefined where only the stored style is known, after
 * compaction has copied the document's into it.
 */
export function shownFields(
  brief: {
    title: string;
    language: string;
    direction: "LTR" | "RTL";
    citationStyle: string | null;
  },
  documentStyle?: unknown,
): ShownFields {
  return {
    title: brief.title,
    language: brief.language,
    direction: brief.direction,
    citationStyle: effectiveCitationStyle(
      documentStyle,
      brief.citationStyle,
      DEFAULT_CITATION_STYLE,
    ),
  };
}
