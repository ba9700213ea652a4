/**
 * Incident data embedded in a brief: a live table, an inline figure, a chart and a map.
 * Each node stores its *query* (a JSON embed spec, see lib/incidents/query-schema.ts), never
 * its results: drafts recompute live, and publishing can freeze the results of the same
 * query. Citations of incident rows use the shared `citation` node (items of kind
 * "incident"), so they share footnote numbering with source citations.
 *
 * Headless: the browser replaces the rendering with React node views
 * (components/incidents/with-incident-views.ts).
 */
import { Node, mergeAttributes } from "@tiptap/core";

export const INCIDENT_EMBED_KINDS = ["table", "figure", "chart", "map"] as const;
export type IncidentEmbedKind = (typeof INCIDENT_EMBED_KINDS)[number];
export const INCIDENT_NODE: Record<IncidentEmbedKind, string> = {
  table: "incidentTable",
  figure: "incidentFigure",
  chart: "incidentChart",
  map: "incidentMap",
};
const MAX_SPEC = 4000;

/** Bounded JSON text that parses to an object with the right kind; "" otherwise. */
export function cleanEmbedSpec(value: unknown, kind: IncidentEmbedKind): string {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? "");
  if (text.length > MAX_SPEC) return "";
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && (parsed as { kind?: unknown }).kind === kind
      ? text
      : "";
  } catch {
    return "";
  }
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    incidentEmbed: {
      /** Inserts a table, figure, chart or map for `spec` (an embed spec object) at the selection. */
      insertIncidentEmbed: (kind: IncidentEmbedKind, spec: object) => ReturnType;
    };
  }
}

function embedNode(kind: IncidentEmbedKind) {
  const inline = kind === "figure";
  const tag = inline ? "span" : "div";
  return Node.create({
    name: INCIDENT_NODE[kind],
    group: inline ? "inline" : "block",
    inline,
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes() {
      return {
        spec: {
          default: "",
          parseHTML: (element) => cleanEmbedSpec(element.getAttribute("data-spec"), kind),
          renderHTML: (attributes) => ({ "data-spec": cleanEmbedSpec(attributes.spec, kind) }),
        },
      };
    },
    parseHTML() {
      return [{ tag: `${tag}[data-incident-embed="${kind}"]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return [tag, mergeAttributes(HTMLAttributes, { "data-incident-embed": kind })];
    },
    renderText() {
      return "";
    },
    ...(kind === "table"
      ? {
          addCommands() {
            return {
              insertIncidentEmbed:
                (k: IncidentEmbedKind, spec: object) =>
                ({ commands }) => {
                  const clean = cleanEmbedSpec({ ...spec, kind: k }, k);
                  if (!clean) return false;
                  return commands.insertContent({ type: INCIDENT_NODE[k], attrs: { spec: clean } });
                },
            };
          },
        }
      : {}),
  });
}

export const IncidentTable = embedNode("table");
export const IncidentFigure = embedNode("figure");
export const IncidentChart = embedNode("chart");
/** The map of the rows the query selects, over the whole country or one region. */
export const IncidentMap = embedNode("map");
export const IncidentEmbeds = [IncidentTable, IncidentFigure, IncidentChart, IncidentMap];
