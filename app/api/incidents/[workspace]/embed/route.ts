import { NextResponse } from "next/server";
import { NO_STORE, workspaceRoute } from "@/lib/http/route";
import { liveMapEmbed } from "@/lib/incidents/embed-map-svg";
import { citedIncidents, computeEmbed, parseEmbedSpec } from "@/lib/incidents/embeds";
import { listSavedQueries } from "@/lib/incidents/saved-queries";

export const dynamic = "force-dynamic";

/**
 * Live data for a brief's embeds: ?spec=<embed spec JSON> → the computed table, figure or
 * chart, or the map drawn as SVG in the brief's language (&lang=ar…); ?cite=<id,id> → what footnotes need about those incident rows; ?saved → the
 * workspace's saved queries (the embed dialog offers them).
 */
export const GET = workspaceRoute<{ workspace: string }>(
  "incident.read",
  async ({ request, member }) => {
    const query = new URL(request.url).searchParams;
    if (query.has("saved")) {
      return NextResponse.json({ queries: await listSavedQueries(member) }, { headers: NO_STORE });
    }
    const cite = query.get("cite");
    if (cite !== null) {
      return NextResponse.json(
        { rows: await citedIncidents(member, cite.split(",")) },
        { headers: NO_STORE },
      );
    }
    const result = await computeEmbed(member, parseEmbedSpec(query.get("spec") ?? ""));
    if (result.kind === "map") {
      return NextResponse.json(liveMapEmbed(result, query.get("lang") ?? "en"), {
        headers: NO_STORE,
      });
    }
    return NextResponse.json(result, { headers: NO_STORE });
  },
);
