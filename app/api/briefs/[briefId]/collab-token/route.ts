import { NextResponse } from "next/server";
import { mintCollabToken } from "@/lib/auth/collab-token";
import { loadBriefForUser, nullWhenRefused } from "@/lib/briefs/load-brief";
import { errorJson, NO_STORE, userRoute } from "@/lib/http/route";
import { can } from "@/lib/policy/can";

export const dynamic = "force-dynamic";

/**
 * A short-lived token for the collaboration server, minted from the session. The collab
 * server verifies it and asks `can()` again with the membership it reads itself.
 */
export const POST = userRoute<{ briefId: string }>(async ({ params: { briefId }, user }) => {
  const access = await nullWhenRefused(loadBriefForUser(user.id, { id: briefId }, "brief.read"));
  // A readable brief always has a member: no public link opens the live document.
  if (!access?.member) return errorJson(404, "notFound");
  const token = await mintCollabToken({
    userId: user.id,
    name: user.name,
    briefId: access.brief.id,
    role: access.member.role,
    // The collab server refuses the token once the user has signed out everywhere.
    sessionVersion: user.sessionVersion,
  });
  return NextResponse.json(
    { token, readOnly: !can(access.member, "brief.edit", access.brief.resource) },
    { headers: NO_STORE },
  );
});
