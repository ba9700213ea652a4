import { collectCitationsFromJson } from "@/lib/editor/citation";
import { collectEmbedNodes, embedKey } from "./embed-nodes";
import type { FrozenCitations, FrozenEmbeds, PublishProblem } from "./frozen";
import { incidentItemKey } from "./frozen-incidents";

/**
 * What blocks publishing `contentJson` with these frozen results: a cited source that no
 * longer exists (with its note number), an embed whose query is broken or could not be
 * computed (1-based among the document's embeds), a cited incident row that is not in the
 * workspace (incidentId is "<dataset>:<row id>", what the citation names). Pure.
 */
export function findPublishProblems(
  contentJson: unknown,
  embeds: FrozenEmbeds,
  citations: FrozenCitations,
): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const sources = new Set(citations.sources.map((s) => s.id));
  const incidents = new Set(
    embeds.incidents.map((i) => incidentItemKey({ dataset: i.dataset, rowId: i.externalId })),
  );
  collectCitationsFromJson(contentJson).forEach((cluster, index) => {
    const note = index + 1;
    for (const item of cluster) {
      if (item.kind === "source" && !sources.has(item.id)) {
        problems.push({ kind: "missingSource", sourceId: item.id, note });
      } else if (item.kind === "incident" && !incidents.has(incidentItemKey(item))) {
        problems.push({
          kind: "missingIncident",
          incidentId: `${item.dataset}:${item.rowId}`,
          note,
        });
      }
    }
  });
  const computed = new Set(embeds.embeds.map((e) => e.key));
  for (const node of collectEmbedNodes(contentJson)) {
    if (!node.spec) {
      problems.push({ kind: "brokenEmbed", index: node.index, reason: "invalidSpec" });
    } else if (!computed.has(embedKey(node.spec))) {
      problems.push({ kind: "brokenEmbed", index: node.index, reason: "notComputed" });
    }
  }
  return problems;
}
