import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { editorSchema } from "./schema";
import { cleanEmbedSpec, INCIDENT_NODE } from "./incident-embeds";
import { extensions } from "./extensions";

const spec = JSON.stringify({ kind: "table", filter: { admin1: "Kayes" }, limit: 5 });

describe("incident embed nodes", () => {
  it("are part of the one editor schema (table, chart and map are blocks, figure is inline)", () => {
    const schema = editorSchema();
    expect(schema.nodes[INCIDENT_NODE.table]!.isBlock).toBe(true);
    expect(INCIDENT_NODE.map).toBe("incidentMap");
    expect(schema.nodes[INCIDENT_NODE.map]!.isBlock).toBe(true);
    expect(schema.nodes[INCIDENT_NODE.map]!.isAtom).toBe(true);
    expect(schema.nodes[INCIDENT_NODE.chart]!.isBlock).toBe(true);
    expect(schema.nodes[INCIDENT_NODE.figure]!.isInline).toBe(true);
    expect(getSchema(extensions()).nodes[INCIDENT_NODE.figure]!.isAtom).toBe(true);
  });

  it("store the query, not results, and round-trip through JSON", () => {
    const schema = editorSchema();
    const doc = schema.nodeFromJSON({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Attacks: " },
            {
              type: INCIDENT_NODE.figure,
              attrs: { spec: JSON.stringify({ kind: "figure", filter: { actor: "JNIM" } }) },
            },
          ],
        },
        { type: INCIDENT_NODE.table, attrs: { spec } },
      ],
    });
    expect(schema.nodeFromJSON(doc.toJSON()).eq(doc)).toBe(true);
    expect(doc.child(1).attrs.spec).toBe(spec);
  });

  it("drop a spec that is not JSON, of another kind, or too long", () => {
    expect(cleanEmbedSpec(spec, "table")).toBe(spec);
    expect(cleanEmbedSpec(spec, "chart")).toBe("");
    expect(cleanEmbedSpec("{not json", "table")).toBe("");
    expect(cleanEmbedSpec(JSON.stringify({ kind: "table", q: "x".repeat(5000) }), "table")).toBe(
      "",
    );
  });
});
