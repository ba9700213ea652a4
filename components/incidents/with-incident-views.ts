import type { AnyExtension, Node } from "@tiptap/core";
import { ReactNodeViewRenderer } from "@tiptap/react";
import "@/app/incidents.css";
import { INCIDENT_NODE } from "@/lib/editor/incident-embeds";
import { IncidentChartView } from "./embeds/IncidentChartView";
import { IncidentFigureView } from "./embeds/IncidentFigureView";
import { IncidentMapView } from "./embeds/IncidentMapView";
import { IncidentTableView } from "./embeds/IncidentTableView";

const VIEWS = {
  [INCIDENT_NODE.table]: IncidentTableView,
  [INCIDENT_NODE.figure]: IncidentFigureView,
  [INCIDENT_NODE.chart]: IncidentChartView,
  [INCIDENT_NODE.map]: IncidentMapView,
};

/** The headless incident embed nodes with their React views (live data), for the browser. */
export function withIncidentViews(list: AnyExtension[]): AnyExtension[] {
  return list.map((extension) => {
    const view = VIEWS[extension.name];
    if (!view) return extension;
    return (extension as Node).extend({
      addNodeView: () => ReactNodeViewRenderer(view),
    });
  });
}
