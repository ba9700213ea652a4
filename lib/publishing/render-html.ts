/**
 * The body HTML of a published version, from frozen data only: the document through
 * Tiptap's static renderer (our own schema's renderHTML for text, lists, tables, marks and
 * per-block `dir`), citations as footnote markers, incident embeds from their frozen
 * results, then the notes and the bibliography. The result is sanitized before it is
 * returned, so whatever a hostile collaborator put in node attributes cannot survive.
 */
import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { CITATION_NODE } from "@/lib/editor/citation";
import { extensions } from "@/lib/editor/extensions";
import { INCIDENT_NODE, type IncidentEmbedKind } from "@/lib/editor/incident-embeds";
import { embedKey, parseSpecAttr } from "./embed-nodes";
import type { FrozenCitations, FrozenEmbeds } from "./frozen";
import { renderEmbed, type EmbedRenderContext } from "./render-embeds";
import { escapeHtml as esc, renderLabels, type RenderLabels } from "./render-labels";
import { resolveAutoDirections } from "./resolve-direction";
import { sanitizePublishedHtml } from "./sanitize-html";

export type RenderBriefInput = {
  contentJson: unknown;
  embeds: FrozenEmbeds;
  citations: FrozenCitations;
  language: string;
  direction: "LTR" | "RTL";
};

// Built once: the static renderer resolves them into a schema on every call anyway.
let schemaExtensions: ReturnType<typeof extensions> | undefined;

const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

function body(input: RenderBriefInput, labels: RenderLabels): string {
  const ctx: EmbedRenderContext = { labels, language: input.language };
  const byKey = new Map(input.embeds.embeds.map((e) => [e.key, e]));
  // Notes are numbered in document order, the order the renderer visits citation nodes in
  // (the same walk as collectCitationsFromJson, which numbered the frozen notes).
  let note = 0;
  const embedMapping =
    (kind: IncidentEmbedKind) =>
    ({ node }: { node: PMNode }) => {
      const spec = parseSpecAttr(node.attrs.spec, kind);
      return renderEmbed(spec ? byKey.get(embedKey(spec)) : undefined, kind, ctx);
    };
  const content = isDocJson(input.contentJson)
    ? (resolveAutoDirections(input.contentJson) as JSONContent)
    : EMPTY_DOC;
  return renderToHTMLString({
    content,
    extensions: (schemaExtensions ??= extensions()),
    options: {
      nodeMapping: {
        [CITATION_NODE]: () => {
          note += 1;
          return `<sup class="fn-ref" id="fnref-${note}"><a href="#fn-${note}">${note}</a></sup>`;
        },
        [INCIDENT_NODE.table]: embedMapping("table"),
        [INCIDENT_NODE.figure]: embedMapping("figure"),
        [INCIDENT_NODE.chart]: embedMapping("chart"),
        [INCIDENT_NODE.map]: embedMapping("map"),
      },
    },
  });
}

function isDocJson(value: unknown): value is JSONContent {
  return !!value && typeof value === "object" && (value as { type?: unknown }).type === "doc";
}

function footnotes(citations: FrozenCitations, labels: RenderLabels): string {
  if (citations.notes.length === 0) return "";
  const items = citations.notes
    .map((n) => {
      const missing =
        n.missing > 0 ? ` <span class="missing">${esc(labels.missingSource)}</span>` : "";
      const back = `<a href="#fnref-${n.note}" class="fn-back" aria-label="${esc(labels.backToText)}">↩</a>`;
      return `<li id="fn-${n.note}" class="footnote">${n.html}${missing} ${back}</li>`;
    })
    .join("");
  return `<section class="footnotes"><h2>${esc(labels.notes)}</h2><ol>${items}</ol></section>`;
}

function bibliography(citations: FrozenCitations, labels: RenderLabels): string {
  if (citations.bibliography.length === 0) return "";
  const items = citations.bibliography.map((b) => `<li class="bib-entry">${b.html}</li>`).join("");
  return `<section class="bibliography"><h2>${esc(labels.bibliography)}</h2><ul>${items}</ul></section>`;
}

/** Sanitized body HTML of a version: text, then notes, then bibliography. */
export function renderBriefHtml(input: RenderBriefInput): string {
  const labels = renderLabels(input.language);
  const dir = input.direction === "RTL" ? "rtl" : "ltr";
  const html =
    `<div class="brief-body" dir="${dir}" lang="${esc(input.language)}">` +
    body(input, labels) +
    footnotes(input.citations, labels) +
    bibliography(input.citations, labels) +
    `</div>`;
  return sanitizePublishedHtml(html);
}
