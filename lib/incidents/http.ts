import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors/domain-error";
import type { Member } from "@/lib/policy/can";
import { findWorkspaceAccess } from "@/lib/workspaces/queries";

export const NO_STORE = { "Cache-Control": "no-store" };

/**
 * For incident route handlers: the caller's membership of the workspace `slug`, or the
 * response to send (401 signed out, 404 not a member). Each handler then asks `can()`
 * through the lib/incidents function it calls.
 */
export async function routeMember(slug: string): Promise<Member | Response> {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE }); // prettier-ignore
  const access = await findWorkspaceAccess(slug, user.id);
  if (!access) return NextResponse.json({ error: "notFound" }, { status: 404, headers: NO_STORE });
  return access.member;
}

/** Domain errors as { error: { code, values } } with their status; others logged, 500. */
export function errorResponse(error: unknown): Response {
  if (isDomainError(error)) {
    return NextResponse.json(
      { error: { code: error.code, values: error.values } },
      { status: error.status, headers: NO_STORE },
    );
  }
  console.error("[incidents]", error);
  return NextResponse.json({ error: { code: "unexpected", values: {} } }, { status: 500, headers: NO_STORE }); // prettier-ignore
}
