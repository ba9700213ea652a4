import { NextResponse } from "next/server";
import { citedIncidents, computeEmbed, parseEmbedSpec } from "@/lib/incidents/embeds";
import { errorResponse, NO_STORE, routeMember } from "@/lib/incidents/http";
import { listSavedQueries } from "@/lib/incidents/saved-queries";

export const dynamic = "force-dynamic";

/**
 * Live data for a brief's embeds: ?spec=<embed spec JSON> → the computed table, figure or
 * chart; ?cite=<id,id> → what footnotes need about those incident rows; ?saved → the
 * workspace's saved queries (the embed dialog offers them).
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ workspace: string }> },
) {
  // prettier-ignore
  const member = await routeMember((await params).workspace);
  if (member instanceof Response) return member;
  const query = new URL(request.url).searchParams;
  try {
    if (query.has("saved")) {
      return NextResponse.json({ queries: await listSavedQueries(member) }, { headers: NO_STORE }); // prettier-ignore
    }
    const cite = query.get("cite");
    if (cite !== null) {
      return NextResponse.json({ rows: await citedIncidents(member, cite.split(",")) }, { headers: NO_STORE }); // prettier-ignore
    }
    const result = await computeEmbed(member, parseEmbedSpec(query.get("spec") ?? ""));
    return NextResponse.json(result, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
