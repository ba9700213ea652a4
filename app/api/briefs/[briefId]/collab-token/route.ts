import { NextResponse } from "next/server";
import { mintCollabToken } from "@/lib/auth/collab-token";
import { getSessionUser } from "@/lib/auth/session";
import { findBriefAccess } from "@/lib/briefs/brief-access";
import { can } from "@/lib/policy/can";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * A short-lived token for the collaboration server, minted from the session. The collab
 * server verifies it and asks `can()` again with the membership it reads itself.
 */
export async function POST(
  _request: Request,
  { params }: { params: Promise<{ briefId: string }> },
) {
  const user = await getSessionUser();
  if (!user)
    return NextResponse.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });
  const { briefId } = await params;
  const access = await findBriefAccess(briefId, user.id);
  if (!access) return NextResponse.json({ error: "notFound" }, { status: 404, headers: NO_STORE });
  const token = await mintCollabToken({
    userId: user.id,
    name: user.name,
    briefId: access.brief.id,
    role: access.member.role,
    // The collab server refuses the token once the user has signed out everywhere.
    sessionVersion: user.sessionVersion,
  });
  return NextResponse.json(
    { token, readOnly: !can(access.member, "brief.edit", access.brief) },
    { headers: NO_STORE },
  );
}
